import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import xmllint from 'xmllint-wasm';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'xsd');

interface SchemaFile {
  fileName: string;
  contents: string;
}

/**
 * A shipped schema file, its remote schemaLocations pointed at the local copies (in memory only:
 * the fixture files stay as published; xmllint here cannot fetch URLs).
 */
function schemaFile(folder: string, fileName: string, remoteBase = '', as = fileName): SchemaFile {
  const contents = readFileSync(path.join(FIXTURES, folder, fileName), 'utf8').replaceAll(remoteBase, '');
  return { fileName: as, contents };
}

async function validate(xml: string, schema: SchemaFile, preload: SchemaFile[], extension: 'schema' | 'relaxng') {
  const result = await xmllint.validateXML({
    xml: [{ fileName: 'export.xml', contents: xml }],
    schema: [schema],
    preload,
    extension,
  });
  return result.errors.map((e) => e.rawMessage);
}

const GRAPHML_BASE = 'http://graphml.graphdrawing.org/xmlns/1.0/';

/** xmllint's errors for a document against the published GraphML 1.0 XSD (graphml.xsd and what it loads). */
export function graphmlSchemaErrors(xml: string): Promise<string[]> {
  return validate(
    xml,
    schemaFile('graphml', 'graphml.xsd', GRAPHML_BASE),
    ['graphml-structure.xsd', 'xlink.xsd'].map((f) => schemaFile('graphml', f, GRAPHML_BASE)),
    'schema',
  );
}

/** What xmllint says when it compiles the published GEXF 1.3 XSD (it throws when the schema does not compile). */
export async function gexfSchemaCompileMessage(xml: string): Promise<string> {
  const base = 'http://gexf.net/1.3/';
  try {
    await validate(
      xml,
      schemaFile('gexf-1.3', 'gexf.xsd', base),
      [schemaFile('gexf-1.3', 'dynamics.xsd', base)],
      'schema',
    );
    return 'compiled';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * xmllint's errors for a document against the published GEXF 1.3 RELAX NG grammar (gexf.rng and
 * dynamics.rng). Its viz.rng was not found in any stored copy; the stand-in adds nothing, so any
 * viz:* element is refused — stricter than the real grammar, never looser.
 */
export function gexfGrammarErrors(xml: string): Promise<string[]> {
  // xsi:schemaLocation tells XSD validators where the schema is; RELAX NG has no such notion and
  // would count it as an undeclared attribute, so it is taken off the copy being checked.
  const withoutXsi = xml.replace(/\s+xsi:schemaLocation="[^"]*"/, '');
  return validate(
    withoutXsi,
    schemaFile('gexf-1.3', 'gexf.rng'),
    [schemaFile('gexf-1.3', 'dynamics.rng'), schemaFile('gexf-1.3', 'viz-stand-in.rng', '', 'viz.rng')],
    'relaxng',
  );
}
