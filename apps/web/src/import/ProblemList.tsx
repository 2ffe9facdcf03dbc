import type { ImportProblem } from '@explorer/model';

/** Shown in full up to this many; a file with more is summarised (the first ones are what to fix first). */
const SHOWN = 200;

function where(problem: ImportProblem): string {
  const parts = [`line ${problem.line}`];
  if (problem.column !== undefined) {
    parts.push(
      `column ${problem.column}${problem.field && problem.field !== problem.column ? ` (${problem.field})` : ''}`,
    );
  }
  return parts.join(', ');
}

/** Every problem found in a file, errors first, each with its line, column and reason. */
export function ProblemList({ problems, title }: { problems: readonly ImportProblem[]; title: string }) {
  if (problems.length === 0) return null;
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const ordered = [...errors, ...warnings];
  return (
    <section className="import-problems" aria-label={title}>
      <h3>
        {title}: {errors.length} error{errors.length === 1 ? '' : 's'}, {warnings.length} warning
        {warnings.length === 1 ? '' : 's'}
      </h3>
      <ul>
        {ordered.slice(0, SHOWN).map((p, i) => (
          <li key={i} className={`import-problem import-problem-${p.severity}`}>
            <strong>{p.severity}</strong> <span className="import-problem-where">{where(p)}</span>: {p.message}
          </li>
        ))}
      </ul>
      {ordered.length > SHOWN && <p className="muted">…and {ordered.length - SHOWN} more.</p>}
    </section>
  );
}
