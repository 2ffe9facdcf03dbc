import type { ImportProblem } from '@explorer/model';

export type { ImportProblem };

/** One problem as one readable line: `line 4, column 数量 (quantity): must not be negative`. */
export function formatProblem(p: ImportProblem): string {
  const where = [`line ${p.line}`];
  if (p.column !== undefined) where.push(`column ${p.column}${p.field && p.field !== p.column ? ` (${p.field})` : ''}`);
  else if (p.field !== undefined) where.push(`field ${p.field}`);
  return `${p.severity}: ${where.join(', ')}: ${p.message}`;
}

/** The file cannot be imported; every problem found is listed. */
export class ImportRefusedError extends Error {
  constructor(readonly problems: readonly ImportProblem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(`import refused: ${errors.length} error(s)\n${errors.map(formatProblem).join('\n')}`);
    this.name = 'ImportRefusedError';
  }
}
