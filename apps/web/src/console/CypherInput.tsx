import { ENTITY_KINDS, RELATIONSHIP_TYPES } from '@explorer/model';
import { lazy, Suspense } from 'react';

const CypherEditor = lazy(() => import('./editor.tsx').then((m) => ({ default: m.CypherEditor })));

/** Property keys of the model's entities and relationships, for autocompletion. */
const PROPERTY_KEYS = [
  'id',
  'name',
  'aliases',
  'country',
  'group',
  'synthetic',
  'sourceIds',
  'description',
  'roles',
  'sector',
  'from',
  'to',
  'confidence',
  'note',
  'quote',
  'citation',
  'status',
  'date',
  'periodStart',
  'periodEnd',
  'amount',
  'currency',
  'items',
  'area',
  'title',
  'publisher',
  'url',
];

const SCHEMA = {
  labels: ['Entity', ...ENTITY_KINDS],
  relationshipTypes: [...RELATIONSHIP_TYPES],
  propertyKeys: PROPERTY_KEYS,
};

/** The Cypher editor: highlighting, autocomplete of the model's names, Ctrl/Cmd+Enter runs. */
export function CypherInput(props: { value: string; onChange: (value: string) => void; onRun: () => void }) {
  return (
    <div className="console-editor" aria-label="Cypher query" role="group">
      <Suspense fallback={<p className="muted">Loading the editor…</p>}>
        <CypherEditor
          value={props.value}
          schema={SCHEMA}
          lineNumbers
          autofocus
          theme="light"
          onValueChanged={(value: string) => props.onChange(value)}
          onKeyDown={(event: KeyboardEvent) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              props.onRun();
            }
          }}
        />
      </Suspense>
    </div>
  );
}
