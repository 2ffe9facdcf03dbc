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

/**
 * RFC 4180: cells may be quoted; a quoted cell may hold the delimiter, newlines and doubled quotes
 * (`""`). A quote inside an unquoted cell is kept as text, as spreadsheets write it. CRLF, LF and
 * CR line ends are accepted. Blank lines are skipped.
 */
export function parseDelimited(text: string, delimiter: Delimiter): DelimitedRecord[] {
  const records: DelimitedRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  let quoted = false;
  let cellStarted = false;

  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    cellStarted = false;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && !cellStarted) {
      quoted = true;
      cellStarted = true;
      quoteLine = line;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      cellStarted = false;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += ch;
      cellStarted = true;
    }
  }
  if (quoted) throw new UnclosedQuoteError(quoteLine, recordLine);
  if (cellStarted || cell !== '' || cells.length > 0) endRecord();
  return records;
}
