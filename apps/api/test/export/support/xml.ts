import { SaxesParser } from 'saxes';
import xmllint from 'xmllint-wasm';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A strict XML 1.0 parse (saxes throws on anything not well-formed) into a small tree. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)])),
      children: [],
      text: '',
    };
    stack.at(-1)?.children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
  const [document] = root.children;
  if (!document) throw new Error('no root element');
  return document;
}

/** Every element named `name` in the tree, depth first. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return [...(element.name === name ? [element] : []), ...element.children.flatMap((child) => findAll(child, name))];
}

/** xmllint's verdict (well-formedness, or validity against schema files when given). */
export async function xmllintErrors(
  xml: string,
  schema?: { main: { fileName: string; contents: string }; preload: Array<{ fileName: string; contents: string }> },
): Promise<string[]> {
  const result = await xmllint.validateXML({
    xml: [{ fileName: 'export.xml', contents: xml }],
    ...(schema ? { schema: [schema.main], preload: schema.preload } : { normalization: 'format' as const }),
  });
  return result.errors.map((e) => e.rawMessage);
}
