/** One record of a CSV/TSV file: its cells, and the line it starts on (1-based). */
export interface DelimitedRecord {
  line: number;
  cells: string[];
}

export type Delimiter = ',' | '\t';

/** Tab when the header line has more tabs than commas (outside quotes), else comma. */
export function detectDelimiter(text: string): Delimiter {
  let tabs = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === '\t') tabs++;
    else if (!quoted && ch === ',') commas++;
  }
  return tabs > commas ? '\t' : ',';
}

/** A quote opened and never closed: the file was cut off or is malformed from `line` on. */
export class UnclosedQuoteError extends Error {
  constructor(
    /** The line the unclosed quote opens on. */
    readonly line: number,
    /** The line its record starts on: every line before it was read completely. */
    readonly recordLine: number,
  ) {
    super(`line ${line}: a quoted cell is never closed (the file may be truncated)`);
    this.name = 'UnclosedQuoteError';
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Line breaks in text[from, to): LF, CRLF (counted once, at its LF) and a lone CR. */
function lineBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === LF || (ch === CR && text.charCodeAt(i + 1) !== LF)) breaks++;
  }
  return breaks;
}

/**
 * RFC 4180: cells may be quoted; a quoted cell may hold the delimiter, newlines and doubled quotes
 * (`""`). A quote inside an unquoted cell is kept as text, as spreadsheets write it. CRLF, LF and
 * CR line ends are accepted. Blank lines are skipped.
 *
 * Cells are cut out of the text a run at a time, never built a character at a time: at 100,000 rows
 * the garbage of per-character concatenation took longer than the parse.
 */
export function parseDelimited(text: string, delimiter: Delimiter): DelimitedRecord[] {
  const records: DelimitedRecord[] = [];
  const separator = delimiter.charCodeAt(0);
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let cellStarted = false;

  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    cellStarted = false;
  };

  let i = 0;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE && !cellStarted) {
      // A quoted section: up to the quote that is not doubled.
      const quoteLine = line;
      cellStarted = true;
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) throw new UnclosedQuoteError(quoteLine, recordLine);
        line += lineBreaks(text, i, close);
        cell += text.slice(i, close);
        i = close + 1;
        if (text.charCodeAt(i) !== QUOTE) break;
        cell += '"';
        i++;
      }
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
      cellStarted = false;
      i++;
    } else if (ch === CR || ch === LF) {
      i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      endRecord();
      line++;
      recordLine = line;
    } else {
      // Unquoted text up to the next delimiter or line end; a quote in it is text.
      let end = i + 1;
      for (; end < text.length; end++) {
        const next = text.charCodeAt(end);
        if (next === separator || next === CR || next === LF) break;
      }
      cell += text.slice(i, end);
      cellStarted = true;
      i = end;
    }
  }
  if (cellStarted || cell !== '' || cells.length > 0) endRecord();
  return records;
}
