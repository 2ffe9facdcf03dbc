import type { ImportMatch, ImportResult } from '@explorer/model';
import { explorerLink } from '../review/EntitySide.tsx';
import { ProblemList } from './ProblemList.tsx';

function CountTable({ caption, what, rows }: { caption: string; what: string; rows: Array<[string, number, number]> }) {
  if (rows.length === 0) return null;
  return (
    <table className="import-counts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{what}</th>
          <th scope="col">New</th>
          <th scope="col">Already in the graph</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([kind, created, matched]) => (
          <tr key={kind}>
            <th scope="row">{kind}</th>
            <td>{created.toLocaleString()}</td>
            <td>{matched.toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const MATCHED_BY: Record<ImportMatch['by'], string> = {
  'registry-id': 'the same registry id',
  name: 'the same name',
};

/** The names that attach to entities already in the graph: each adds facts to that entity. */
function MatchTable({ result }: { result: ImportResult }) {
  if (result.matches.length === 0) return null;
  const more = result.matchesTotal - result.matches.length;
  return (
    <table className="import-matches">
      <caption>
        Names already in the graph: {result.dryRun ? 'their facts would be added to' : 'their facts were added to'}{' '}
        these entities ({result.matchesTotal.toLocaleString()}
        {more > 0 && `; the first ${result.matches.length.toLocaleString()} shown`})
      </caption>
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Column</th>
          <th scope="col">In the file</th>
          <th scope="col">Entity in the graph</th>
          <th scope="col">Matched by</th>
        </tr>
      </thead>
      <tbody>
        {result.matches.map((m) => (
          <tr key={`${m.field}\u0000${m.name}\u0000${m.line}`}>
            <td>{m.line}</td>
            <td>{m.field}</td>
            <td>{m.name}</td>
            <td>
              <a href={explorerLink(m.entity.id)}>{m.entity.name}</a> ({m.entity.kind})
            </td>
            <td>{MATCHED_BY[m.by]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function merge(created: Partial<Record<string, number>>, matched: Partial<Record<string, number>>) {
  const keys = [...new Set([...Object.keys(created), ...Object.keys(matched)])].sort();
  return keys.map((k): [string, number, number] => [k, created[k] ?? 0, matched[k] ?? 0]);
}

/** What a dry run would do, or what an import did: counts by kind, candidates, skipped rows. */
export function ImportReport({ result }: { result: ImportResult }) {
  const { counts } = result;
  const heading = result.dryRun ? 'Dry run: what the import would do (nothing was written)' : 'Imported';
  return (
    <section className="import-report" aria-label={result.dryRun ? 'Dry run report' : 'Import report'}>
      <h3>{heading}</h3>
      <p>
        {counts.rows.toLocaleString()} row{counts.rows === 1 ? '' : 's'} {result.dryRun ? 'would be' : 'were'} imported
        from “{result.fileName}”
        {counts.rowsSkipped > 0 && `, ${counts.rowsSkipped.toLocaleString()} left out for their errors`}.
        {!result.firstImport && ' This exact file was imported before: nothing new.'}
      </p>
      <CountTable caption="Entities" what="Kind" rows={merge(counts.entitiesCreated, counts.entitiesMatched)} />
      <CountTable
        caption="Relationships"
        what="Type"
        rows={merge(counts.relationshipsCreated, counts.relationshipsMatched)}
      />
      <MatchTable result={result} />
      {counts.candidates > 0 && (
        <p className="import-warning">
          {counts.candidates} pair{counts.candidates === 1 ? '' : 's'} of names that may be the same entity (a new one
          and one already in the graph, or two new ones in this file) {result.dryRun ? 'would be' : 'are'} held for
          review, not merged. {!result.dryRun && <a href="/review">Review them</a>}
        </p>
      )}
      {!result.dryRun && (
        <p>
          Every imported fact cites this file (and the row's own link, when it has one).{' '}
          <a href="/">Open the explorer</a> and search a buyer or supplier to see the new chains.
        </p>
      )}
      <ProblemList problems={result.problems} title={result.dryRun ? 'Reported by the dry run' : 'Reported'} />
    </section>
  );
}
