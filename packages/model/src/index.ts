export * from './primitives.ts';
export * from './entities.ts';
export * from './relationships.ts';
export * from './dataset.ts';
export * from './graph.ts';
export * from './api.ts';
export * from './neo4j-schema.ts';
