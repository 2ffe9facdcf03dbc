import type { ConsoleResponse } from '@explorer/model';
import { useState } from 'react';
import { PlanTree } from './PlanTree.tsx';
import { ResultGraph } from './ResultGraph.tsx';
import { ResultTable } from './ResultTable.tsx';
import { SummaryLine } from './SummaryLine.tsx';

const VIEWS = ['Table', 'Graph', 'JSON', 'Plan'] as const;
type View = (typeof VIEWS)[number];

/** An answer: the summary line, then the table, the graph (drawn as in the explorer), the raw JSON or the plan. */
export function ResultView({ result }: { result: ConsoleResponse }) {
  const [chosen, setChosen] = useState<View>('Table');
  const view: View = result.plan && result.columns.length === 0 ? 'Plan' : chosen;
  return (
    <section aria-label="Result" className="console-result">
      <SummaryLine result={result} />
      <div role="tablist" aria-label="Result views" className="console-tabs">
        {VIEWS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={view === name}
            disabled={name === 'Plan' && !result.plan}
            onClick={() => setChosen(name)}
          >
            {name}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={view}>
        {view === 'Table' && <ResultTable result={result} />}
        {view === 'Graph' && <ResultGraph graph={result.graph} />}
        {view === 'JSON' && <pre className="console-json">{JSON.stringify(result, null, 2)}</pre>}
        {view === 'Plan' && result.plan && <PlanTree plan={result.plan} />}
      </div>
    </section>
  );
}
