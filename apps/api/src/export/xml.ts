/**
 * Characters XML 1.0 does not allow at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF):
 * they cannot even be written as character references, so they are dropped.
 */
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripIllegalXml(text: string): string {
  return text.replace(ILLEGAL_XML, '');
}

/**
 * Text made safe for XML element content and attribute values alike: markup characters escaped, and
 * tab, CR and LF as character references so that attribute normalisation and line-end handling
 * keep them exactly.
 */
export function xmlEscape(text: string): string {
  return stripIllegalXml(text).replace(/[&<>"'\t\n\r]/g, (c) => XML_ENTITIES[c] ?? c);
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** An XML name (for GraphML attr.name, an NMTOKEN): characters outside [A-Za-z0-9._-] become "_". */
export function xmlToken(text: string): string {
  const token = text.replace(/[^A-Za-z0-9._-]/g, '_');
  return token.length > 0 ? token : '_';
}
