/** A parsed cell: its text, and whether it was quoted (an empty quoted cell is a value, a bare one is not). */
export interface Cell {
  text: string;
  quoted: boolean;
}

/** RFC 4180: fields in double quotes may hold commas, CR, LF and doubled quotes. */
export function parseCsv(text: string): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let i = 0;
  const endRow = () => {
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    let cell: Cell;
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const next = text.indexOf('"', i);
        if (next < 0) throw new Error('unterminated quoted field');
        value += text.slice(i, next);
        if (text[next + 1] === '"') {
          value += '"';
          i = next + 2;
        } else {
          i = next + 1;
          break;
        }
      }
      cell = { text: value, quoted: true };
    } else {
      const match = /[,\r\n]|$/.exec(text.slice(i));
      const end = i + (match?.index ?? 0);
      cell = { text: text.slice(i, end), quoted: false };
      i = end;
    }
    row.push(cell);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      i += 2;
      endRow();
    } else if (text[i] === '\n') {
      i++;
      endRow();
    } else if (i < text.length) throw new Error(`unexpected character at ${i}`);
  }
  if (row.length > 0) endRow();
  return rows;
}
