import { useQuery } from '@tanstack/react-query';
import { listImports } from './importApi.ts';

/** The record of past imports: who imported which file when, and what it added. */
export function RecentImports({ highlight }: { highlight?: string }) {
  const imports = useQuery({ queryKey: ['imports'], queryFn: listImports });
  if (!imports.data || imports.data.length === 0) return null;
  return (
    <section className="import-step" aria-label="Past imports">
      <h3>Past imports</h3>
      <table className="import-history">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">File</th>
            <th scope="col">Rows</th>
            <th scope="col">New entities</th>
            <th scope="col">New relationships</th>
            <th scope="col">Held for review</th>
          </tr>
        </thead>
        <tbody>
          {imports.data.map((i) => (
            <tr key={i.sha256} className={i.sha256 === highlight ? 'import-history-new' : undefined}>
              <td>{i.importedAt}</td>
              <td>{i.importedBy ?? '—'}</td>
              <td title={`SHA-256 ${i.sha256}`}>{i.fileName}</td>
              <td>
                {i.rows.toLocaleString()}
                {i.rowsSkipped > 0 && ` (${i.rowsSkipped} left out)`}
              </td>
              <td>{i.entitiesCreated.toLocaleString()}</td>
              <td>{i.relationshipsCreated.toLocaleString()}</td>
              <td>{i.candidates}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
