import type { ConsoleSummary } from '@explorer/model';
import type { ResultSummary } from 'neo4j-driver';
import { toNumber } from '../db/mapping.ts';

type Notification = ConsoleSummary['notifications'][number];

/** Neo4j's notifications (deprecations, cartesian products, unbounded patterns…) as plain JSON. */
export function notificationsOf(summary: ResultSummary): Notification[] {
  return summary.notifications.map((n) => {
    const p = n.position as { offset?: unknown; line?: unknown; column?: unknown } | undefined;
    return {
      code: n.code,
      title: n.title,
      description: n.description,
      severity: n.rawSeverityLevel,
      position:
        p && p.offset !== undefined
          ? { offset: toNumber(p.offset), line: toNumber(p.line), column: toNumber(p.column) }
          : null,
    };
  });
}

export function timingsOf(summary: ResultSummary | null): { available: number; consumed: number } {
  return {
    available: summary ? toNumber(summary.resultAvailableAfter) : 0,
    consumed: summary ? toNumber(summary.resultConsumedAfter) : 0,
  };
}
