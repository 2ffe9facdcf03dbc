import { isConsoleCallableAllowed, type PlanNode } from '@explorer/model';
import { toNumber } from '../db/mapping.ts';
import { ConsoleError } from './errors.ts';

/** A plan operator as the driver gives it (summary.plan or summary.profile). */
export interface RawPlan {
  operatorType: string;
  identifiers: string[];
  arguments: Record<string, unknown>;
  children: RawPlan[];
  rows?: number;
  dbHits?: number;
}

/** "ProcedureCall@neo4j" → "ProcedureCall". */
const operatorName = (plan: RawPlan) => plan.operatorType.replace(/@.*$/, '');
const detailsOf = (plan: RawPlan) => (typeof plan.arguments['Details'] === 'string' ? plan.arguments['Details'] : '');

/** Operators that read files/URLs, show or stop transactions, or administer, whatever the query type says. */
const REFUSED_OPERATORS = /^(LoadCSV|Show|Terminate|Create|Drop|Alter|Grant|Deny|Revoke|Transaction)/;

/** Dotted names called in an operator's details: "apoc.text.clean(n.name) = $autostring_0". */
const CALLED_NAME = /([A-Za-z_][\w]*(?:\.[A-Za-z_`][\w`]*)+)\s*\(/g;

/**
 * The second check, on what Neo4j planned: no LoadCSV, no admin operators, and every procedure
 * or function it will call on the allowlist. Throws a 403 ConsoleError.
 */
export function checkPlan(plan: RawPlan): void {
  const name = operatorName(plan);
  if (REFUSED_OPERATORS.test(name)) {
    throw ConsoleError.refused(`the plan contains ${name}, which the console never runs.`);
  }
  const called = [...detailsOf(plan).matchAll(CALLED_NAME)].map((m) => (m[1] ?? '').replaceAll('`', ''));
  const refused = called.find((c) => !isConsoleCallableAllowed(c));
  if (refused) throw ConsoleError.refused(`the plan calls ${refused}, which is not on the console's allowlist.`);
  if (name === 'ProcedureCall' && called.length === 0) {
    throw ConsoleError.refused('the plan calls a procedure the console cannot identify.');
  }
  for (const child of plan.children) checkPlan(child);
}

const numberOrNull = (value: unknown) => (value === undefined || value === null ? null : toNumber(value));

/** The plan as the contract's tree. */
export function toPlanTree(plan: RawPlan, profiled: boolean): PlanNode {
  return {
    operator: operatorName(plan),
    details: detailsOf(plan),
    identifiers: [...plan.identifiers],
    estimatedRows: numberOrNull(plan.arguments['EstimatedRows']),
    rows: profiled ? numberOrNull(plan.rows) : null,
    dbHits: profiled ? numberOrNull(plan.dbHits) : null,
    children: plan.children.map((child) => toPlanTree(child, profiled)),
  };
}
