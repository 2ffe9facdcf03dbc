import type { ConsoleErrorBody } from '@explorer/model';
import { Neo4jError } from 'neo4j-driver';
import { isDatabaseUnavailable, isQueryTimeout } from '../http/errors.ts';

type Code = ConsoleErrorBody['error']['code'];
type Details = NonNullable<ConsoleErrorBody['error']['details']>;

/** An answer of the console route that is not a result: status, code, message, details. */
export class ConsoleError extends Error {
  constructor(
    readonly status: number,
    readonly code: Code,
    message: string,
    readonly details?: Details,
  ) {
    super(message);
    this.name = 'ConsoleError';
  }

  /** 403: the query is refused before it runs. */
  static refused(reason: string): ConsoleError {
    return new ConsoleError(403, 'forbidden', `Refused: ${reason}`);
  }

  static timeout(ms: number): ConsoleError {
    return new ConsoleError(
      504,
      'timeout',
      `The query ran longer than ${ms} ms and was terminated in the database; add a LIMIT or bound the pattern.`,
    );
  }

  body(): ConsoleErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) },
    };
  }
}

/** Neo4j reports positions only inside its message: "(line 1, column 29 (offset: 28))". */
function positionOf(message: string): Details['position'] {
  const match = /line (\d+), column (\d+) \(offset: (\d+)\)/.exec(message);
  return match ? { line: Number(match[1]), column: Number(match[2]), offset: Number(match[3]) } : null;
}

type Position = NonNullable<Details['position']>;

/** Line and column (1-based) of an offset in a text. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { offset, line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Anything a console query threw, as the console's answer. `relocate` maps a position in the
 * text Neo4j saw (e.g. with EXPLAIN in front) back to the analyst's query.
 */
export function toConsoleError(
  error: unknown,
  timeoutMs: number,
  relocate: (position: Position) => Position = (p) => p,
): ConsoleError {
  if (error instanceof ConsoleError) return error;
  if (isDatabaseUnavailable(error)) {
    return new ConsoleError(503, 'database_unavailable', 'The graph database is unreachable; try again shortly.');
  }
  if (isQueryTimeout(error)) return ConsoleError.timeout(timeoutMs);
  if (error instanceof Neo4jError) {
    const position = positionOf(error.message);
    const details = { neo4jCode: error.code, position: position ? relocate(position) : null };
    if (/AccessMode|ProcedureNotFound|Forbidden|Security/.test(error.code)) {
      return new ConsoleError(403, 'forbidden', `Refused by the database: ${error.message}`, details);
    }
    return new ConsoleError(400, 'cypher_error', error.message, details);
  }
  return new ConsoleError(500, 'internal', 'Internal error');
}
