import type { GraphEdge, GraphNode } from '@explorer/model';

/** Small graph pieces shaped like the API's answers. */
export function node(id: string, overrides: Partial<GraphNode> = {}): GraphNode {
  return {
    id,
    kind: 'Company',
    name: `Name of ${id}`,
    properties: {},
    flags: { synthetic: false, group: false, listings: [] },
    ...overrides,
  };
}

export function edge(id: string, source: string, target: string, overrides: Partial<GraphEdge> = {}): GraphEdge {
  return { id, type: 'SUPPLIED', source, target, properties: { sourceIds: ['S1'] }, ...overrides };
}
