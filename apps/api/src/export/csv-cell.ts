/** A cell a spreadsheet would run as a formula, or that starts with the escape mark itself. */
const NEEDS_MARK = /^[=+\-@\t\r']/;

/**
 * Neutralises formula injection the way OWASP advises: a text cell starting with = + - @ tab or CR
 * gets a leading apostrophe. Cells already starting with an apostrophe get one more, so that
 * `unneutraliseCell` can undo it exactly (one apostrophe removed from any cell that starts with one).
 */
export function neutraliseCell(text: string): string {
  return NEEDS_MARK.test(text) ? `'${text}` : text;
}

export function unneutraliseCell(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

/** An RFC 4180 quoted field: always quoted, inner quotes doubled. */
export function quoteCell(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A text cell: neutralised, then quoted (a quoted empty cell is an empty string, not a missing value). */
export function textCell(text: string): string {
  return quoteCell(neutraliseCell(text));
}

export function csvRow(cells: readonly string[]): string {
  return `${cells.join(',')}\r\n`;
}
