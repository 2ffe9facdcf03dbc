export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/**
 * Bytes to text. A BOM says UTF-8; otherwise strict UTF-8 is tried first, because valid UTF-8 is
 * almost never valid-looking GB18030 by accident while GB18030 text is rarely valid UTF-8.
 * Chinese spreadsheets exported from Excel or WPS are usually GB18030 (a superset of GBK/GB2312).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(3)),
      encoding: 'utf-8-bom',
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: fall through to GB18030, strictly too, so that garbage is refused, not imported.
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    throw new Error('the file is neither UTF-8 nor GB18030 text');
  }
}
