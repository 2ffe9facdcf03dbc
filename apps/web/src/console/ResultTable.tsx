import type { ConsoleResponse } from '@explorer/model';
import { useMemo, useState } from 'react';
import { cellText, compareCells } from './format.ts';

/** The rows as a table; a click on a column header sorts by it (again: the other way). */
export function ResultTable({ result }: { result: ConsoleResponse }) {
  const [sort, setSort] = useState<{ column: number; descending: boolean } | null>(null);
  const rows = useMemo(() => {
    if (!sort) return result.rows;
    const sorted = [...result.rows].sort((a, b) => compareCells(a[sort.column] ?? null, b[sort.column] ?? null));
    return sort.descending ? sorted.reverse() : sorted;
  }, [result.rows, sort]);

  if (result.columns.length === 0) return <p className="muted">No columns.</p>;
  return (
    <div className="console-table-wrap">
      <table className="console-table" aria-label="Result rows">
        <thead>
          <tr>
            {result.columns.map((column, index) => (
              <th
                key={column}
                aria-sort={sort?.column === index ? (sort.descending ? 'descending' : 'ascending') : undefined}
              >
                <button
                  type="button"
                  onClick={() =>
                    setSort((s) => ({ column: index, descending: s?.column === index ? !s.descending : false }))
                  }
                >
                  {column}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => {
                const text = cellText(cell);
                return <td key={c}>{text.includes('\n') ? <pre>{text}</pre> : text}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
