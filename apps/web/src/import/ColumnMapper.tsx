import {
  PROCUREMENT_COLUMNS,
  REQUIRED_PROCUREMENT_COLUMNS,
  type ImportPreview,
  type ProcurementColumn,
} from '@explorer/model';

const IGNORE = '';

interface Props {
  headers: ImportPreview['headers'];
  onChange: (header: string, column: ProcurementColumn | null) => void;
}

/** One row per header of the file: which template column it feeds, or none. */
export function ColumnMapper({ headers, onChange }: Props) {
  const mapped = new Set(headers.flatMap((h) => (h.column ? [h.column] : [])));
  const missing = REQUIRED_PROCUREMENT_COLUMNS.filter((c) => !mapped.has(c));
  return (
    <section aria-label="Columns">
      <h3>Columns</h3>
      <p className="hint">
        Each column of the file and the template field it feeds. Headers in English or Chinese (采购人, 供应商, 数量…)
        are recognised; change any that are wrong.
      </p>
      {missing.length > 0 && <p className="import-warning">Required and not mapped yet: {missing.join(', ')}.</p>}
      <table className="import-columns">
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">Template field</th>
          </tr>
        </thead>
        <tbody>
          {headers.map(({ header, column }) => (
            <tr key={header}>
              <th scope="row">{header}</th>
              <td>
                <select
                  aria-label={`Field for column ${header}`}
                  value={column ?? IGNORE}
                  onChange={(event) =>
                    onChange(header, event.target.value === IGNORE ? null : (event.target.value as ProcurementColumn))
                  }
                >
                  <option value={IGNORE}>(ignore this column)</option>
                  {PROCUREMENT_COLUMNS.map((c) => (
                    <option key={c} value={c}>
                      {c}
                      {REQUIRED_PROCUREMENT_COLUMNS.includes(c) ? ' (required)' : ''}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
