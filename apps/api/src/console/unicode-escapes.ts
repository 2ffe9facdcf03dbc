import { ConsoleError } from './errors.ts';

/**
 * Neo4j 5.26's parser reads the query through a character stream that turns every `\uXXXX` into
 * its character before lexing, anywhere in the text: inside comments, strings, backquoted names
 * and keywords alike (`\u0043REATE` is CREATE, `// \u000a` ends the comment, `'\u0027` closes the
 * string). A backslash escaped by another (`\\u0041`) is left alone; the decoded character is not
 * read again. `\U` with eight digits is only a string escape, and `\u` without four hex digits is a
 * syntax error there. Verified with EXPLAIN against Neo4j 5.26.
 */
export function decodeUnicodeEscapes(raw: string): { text: string; rawOffsets: number[] } {
  let text = '';
  // rawOffsets[i]: where decoded character i starts in the raw text (one more entry for the end).
  const rawOffsets: number[] = [];
  let i = 0;
  while (i < raw.length) {
    if (raw[i] === '\\' && raw[i + 1] === '\\') {
      rawOffsets.push(i, i + 1);
      text += '\\\\';
      i += 2;
    } else if (raw[i] === '\\' && raw[i + 1] === 'u') {
      const hex = raw.slice(i + 2, i + 6);
      // Neo4j refuses the query then; refusing here keeps the gate from guessing.
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw ConsoleError.refused('a \\u escape needs four hexadecimal digits.');
      rawOffsets.push(i);
      text += String.fromCharCode(parseInt(hex, 16));
      i += 6;
    } else {
      rawOffsets.push(i);
      text += raw[i];
      i++;
    }
  }
  rawOffsets.push(raw.length);
  return { text, rawOffsets };
}
