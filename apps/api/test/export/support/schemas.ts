import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import xmllint from 'xmllint-wasm';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'xsd');

/**
 * A shipped schema file, its remote schemaLocations pointed at the local copies (in memory only:
 * the fixture files stay as published; xmllint here cannot fetch URLs).
 */
function schemaFile(folder: string, fileName: string, remoteBase: string): { fileName: string; contents: string } {
  const contents = readFileSync(path.join(FIXTURES, folder, fileName), 'utf8').replaceAll(remoteBase, '');
  return { fileName, contents };
}

async function validate(xml: string, main: string, preload: string[], folder: string, remoteBase: string) {
  const result = await xmllint.validateXML({
    xml: [{ fileName: 'export.xml', contents: xml }],
    schema: [schemaFile(folder, main, remoteBase)],
    preload: preload.map((f) => schemaFile(folder, f, remoteBase)),
  });
  return result.errors.map((e) => e.rawMessage);
}

/** xmllint's errors for a document against the published GraphML 1.0 XSD (graphml.xsd and what it loads). */
export function graphmlSchemaErrors(xml: string): Promise<string[]> {
  return validate(
    xml,
    'graphml.xsd',
    ['graphml-structure.xsd', 'xlink.xsd'],
    'graphml',
    'http://graphml.graphdrawing.org/xmlns/1.0/',
  );
}

/** What xmllint says when it compiles the published GEXF 1.3 XSD (it throws when the schema does not compile). */
export async function gexfSchemaCompileMessage(xml: string): Promise<string> {
  try {
    await validate(xml, 'gexf.xsd', ['dynamics.xsd'], 'gexf-1.3', 'http://gexf.net/1.3/');
    return 'compiled';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
