import { type BenchReport, type OperationResult, type TargetCheck } from './types.ts';

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

/** The p95 through the API at concurrency 1, worst operation of a group, against a limit. */
function p95Target(label: string, rows: OperationResult[], limitMs: number): TargetCheck {
  if (rows.length === 0) return { target: label, measured: 'not measured', met: null };
  const worst = rows.reduce((a, b) => (b.api.p95 > a.api.p95 ? b : a));
  const measured = rows.map((r) => `${r.name} ${ms(r.api.p95)}`).join(', ');
  return {
    target: label,
    measured,
    met: rows.every((r) => r.api.n > 0 && r.api.errors === 0) && worst.api.p95 < limitMs,
  };
}

/** The issue's targets (stated for 1M entities), checked against this run's figures. */
export function checkTargets(report: Omit<BenchReport, 'targets'>): TargetCheck[] {
  const single = report.operations.filter((o) => o.concurrency === 1);
  const group = (g: OperationResult['group']) => single.filter((o) => o.group === g);
  const checks: TargetCheck[] = [
    p95Target('search p95 < 50 ms', group('search'), 50),
    p95Target('entity p95 < 30 ms', group('entity'), 30),
    p95Target('neighbors p95 < 30 ms (hubs paged)', group('neighbors'), 30),
    p95Target('paths up to 6 hops p95 < 300 ms', group('paths'), 300),
    p95Target('trace p95 < 500 ms', group('trace'), 500),
    p95Target('export of ~10,000 elements < 2 s (p95)', group('export'), 2000),
  ];
  const over = single.filter((o) => !(o.ratioP50 < 1.15));
  checks.push({
    target: 'API overhead over the raw driver < 15 % at p50',
    measured:
      `${single.length - over.length} of ${single.length} operations within; ` +
      (over.length > 0 ? `over: ${over.map((o) => `${o.name} ×${o.ratioP50.toFixed(2)}`).join(', ')}` : 'none over'),
    met: single.length > 0 && over.length === 0,
  });
  const m = report.mixed;
  checks.push({
    target: `mixed browse load ${m.rate}/s for ${m.seconds} s: no errors, p95 < 200 ms`,
    measured: `${m.errors} errors of ${m.sent}, p95 ${ms(m.p95)}, achieved ${m.achievedRate.toFixed(0)}/s`,
    met: m.errors === 0 && m.p95 < 200,
  });
  const load = report.load;
  const loadLimit = report.entities >= 1_000_000 ? 600 : report.entities >= 100_000 ? 60 : null;
  checks.push({
    target:
      loadLimit === null
        ? 'load (targets: 100k < 60 s, 1M < 600 s)'
        : `load of ${report.entities.toLocaleString('en-US')} entities < ${loadLimit} s`,
    measured: `${load.totalSeconds.toFixed(1)} s (${Math.round(load.entitiesPerSecond)} entities/s, ${Math.round(load.relationshipsPerSecond)} relationships/s)${load.reused ? ', from the run that loaded this database' : ''}`,
    met: loadLimit === null ? null : load.totalSeconds < loadLimit,
  });
  return checks;
}
