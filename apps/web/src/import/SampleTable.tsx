import type { ImportPreview } from '@explorer/model';

/** The first rows as the server parsed them: what each field will hold, and each row's problems. */
export function SampleTable({ preview }: { preview: ImportPreview }) {
  if (preview.sample.length === 0) return null;
  const fields = [...new Set(preview.sample.flatMap((row) => Object.keys(row.values)))];
  return (
    <section aria-label="First rows as read">
      <h3>
        First {preview.sample.length} of {preview.rowCount.toLocaleString()}{' '}
        {preview.headers.length ? 'rows' : 'records'}, as read
      </h3>
      <div className="import-sample-wrap">
        <table className="import-sample">
          <thead>
            <tr>
              <th scope="col">Line</th>
              {fields.map((f) => (
                <th key={f} scope="col">
                  {f}
                </th>
              ))}
              <th scope="col">Problems</th>
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((row) => {
              const bad = new Set(row.problems.map((p) => p.field));
              return (
                <tr key={row.line} className={row.problems.some((p) => p.severity === 'error') ? 'import-row-bad' : ''}>
                  <td>{row.line}</td>
                  {fields.map((f) => (
                    <td key={f} className={bad.has(f) ? 'import-cell-bad' : undefined}>
                      {row.values[f] ?? ''}
                    </td>
                  ))}
                  <td>{row.problems.map((p) => p.message).join('; ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
