import { type BenchReport } from './types.ts';

const num = (value: number) =>
  Number.isNaN(value) ? '—' : value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
const ratio = (value: number) => (Number.isFinite(value) ? `×${value.toFixed(2)}` : '—');
const mb = (value: number | null) => (value === null ? 'n/a' : `${Math.round(value).toLocaleString('en-US')} MB`);
// Loads recorded before CPU time was measured have no figure.
const seconds = (value: number | null | undefined) => (typeof value === 'number' ? `${value.toFixed(1)} s` : 'n/a');
const verdict = (met: boolean | null) => (met === null ? '—' : met ? 'met' : 'MISSED');

/** "CSV files 12.0 s (DB CPU —), …"; loads recorded before phases existed have none. */
function loadPhases(load: BenchReport['load']): string {
  const phases = (load as { phases?: BenchReport['load']['phases'] }).phases;
  if (!phases) return 'phases not recorded';
  return phases
    .map(
      (p) =>
        `${p.name} ${p.seconds.toFixed(1)} s${p.databaseCpuSeconds === null ? '' : ` (DB CPU ${p.databaseCpuSeconds.toFixed(1)} s)`}`,
    )
    .join(', ');
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The report as Markdown: what the README quotes and what results/*.md holds. */
export function toMarkdown(report: BenchReport): string {
  const l = report.load;
  const operations = table(
    [
      'operation',
      'conc.',
      'API p50 / p95 / p99 ms',
      'API req/s',
      'raw p50 / p95 / p99 ms',
      'raw req/s',
      'API/raw p50',
      'errors (API/raw)',
    ],
    report.operations.map((o) => [
      o.name,
      String(o.concurrency),
      `${num(o.api.p50)} / ${num(o.api.p95)} / ${num(o.api.p99)}`,
      num(o.api.throughput),
      `${num(o.raw.p50)} / ${num(o.raw.p95)} / ${num(o.raw.p99)}`,
      num(o.raw.throughput),
      ratio(o.ratioP50),
      `${o.api.errors}/${o.raw.errors}`,
    ]),
  );
  const targets = table(
    ['target (issue 7, stated for 1M)', 'measured here', 'verdict'],
    report.targets.map((t) => [t.target, t.measured, verdict(t.met)]),
  );
  const m = report.mixed;
  const errors = report.operations.flatMap((o) =>
    [
      o.api.firstError && `${o.name} @${o.concurrency} API: ${o.api.firstError}`,
      o.raw.firstError && `${o.name} @${o.concurrency} raw: ${o.raw.firstError}`,
    ].filter((x): x is string => typeof x === 'string'),
  );
  const e = report.probes.export;
  return [
    `# Benchmark: ${report.size} (${report.entities.toLocaleString('en-US')} entities, ${report.relationships.toLocaleString('en-US')} relationships, seed ${report.seed})`,
    '',
    `${report.startedAt} · ${report.machine.cpus} CPUs · Node ${report.machine.node} · load average ${report.machine.loadAverageStart.map((x) => x.toFixed(1)).join(' ')} at start, ${report.machine.loadAverageEnd.map((x) => x.toFixed(1)).join(' ')} at end · Neo4j heap ${report.database.heapMb} MB, page cache ${report.database.pageCacheMb} MB · ${report.settings.iterations} iterations per worker, ≤ ${report.settings.cellSeconds} s per cell`,
    '',
    `**Load** (${l.method ?? 'cypher'}): ${l.totalSeconds.toFixed(1)} s in all (${loadPhases(l)}); ${Math.round(l.entitiesPerSecond).toLocaleString('en-US')} entities/s and ${Math.round(l.relationshipsPerSecond).toLocaleString('en-US')} relationships/s over the whole load; CPU time used: database ${seconds(l.databaseCpuSeconds)}, loader ${seconds(l.loaderCpuSeconds)}${l.reused ? ' — measured by the run that loaded this database' : ''}.`,
    '',
    `**Peak memory** (VmHWM${report.memory.peakResetAfterLoad ? ', reset after the load' : ', including the load'}): API process ${mb(report.memory.apiPeakRssMb)}, database process ${mb(report.memory.databasePeakRssMb)}, load generator (the bench's own process) ${mb(report.memory.loadGeneratorPeakRssMb)}.`,
    ...(report.apiExit
      ? [
          '',
          `**The API process ended during the run** (code ${report.apiExit.code}, signal ${report.apiExit.signal}); the sections were skipped. Its last words:`,
          '',
          '```',
          report.apiExit.stderr.trim().slice(-1500),
          '```',
        ]
      : []),
    '',
    `Export: ${e.nodeIds} ids, ${e.hops} hop → ${e.nodes} nodes, ${e.edges} edges, ${e.sources} cited sources. Path pairs found by walks of 2/4/6 steps; shortest lengths found: ${Object.entries(
      report.probes.pathLengths,
    )
      .map(([h, lengths]) => `${h} hops → ${lengths.map((x) => x ?? 'none').join(', ')}`)
      .join('; ')}.`,
    '',
    '## Targets',
    '',
    targets,
    '',
    '## Operations',
    '',
    operations,
    '',
    `## Mixed browse load`,
    '',
    `${m.sent} requests at ${m.rate}/s for ${m.seconds} s (achieved ${m.achievedRate.toFixed(0)}/s): ${m.errors} errors, p50 ${num(m.p50)} ms, p95 ${num(m.p95)} ms, p99 ${num(m.p99)} ms.${m.errorSamples.length > 0 ? ` First errors: ${m.errorSamples.join(' · ')}` : ''}`,
    ...(Object.keys(m.errorKinds).length > 0
      ? ['', 'Errors by kind:', '', ...Object.entries(m.errorKinds).map(([kind, n]) => `- ${n} × ${kind}`)]
      : []),
    ...(errors.length > 0
      ? ['', '## Errors (first per cell)', '', ...errors.map((x) => `- ${x.replace(/\s+/g, ' ').slice(0, 300)}`)]
      : []),
    ...report.sections.flatMap((s) => ['', `## ${s.title}`, '', s.markdown]),
    '',
  ].join('\n');
}
