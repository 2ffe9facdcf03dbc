/** Where and why a file is refused (error) or partly ignored (warning). Lines count from 1. */
export interface ImportProblem {
  severity: 'error' | 'warning';
  line: number;
  /** The column's header as written in the file, when the problem is in one cell or column. */
  column?: string;
  /** The template field the column maps to, when it maps to one. */
  field?: string;
  message: string;
}

/** One problem as one readable line: `line 4, column 数量 (quantity): must not be negative`. */
export function formatProblem(p: ImportProblem): string {
  const where = [`line ${p.line}`];
  if (p.column !== undefined) where.push(`column ${p.column}${p.field && p.field !== p.column ? ` (${p.field})` : ''}`);
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
