export * from './read-dataset.ts';
