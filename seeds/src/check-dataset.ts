// Validates one dataset folder and prints what it holds: `tsx seeds/src/check-dataset.ts seeds/report-2022`.
import { readDataset } from './read-dataset.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: tsx seeds/src/check-dataset.ts <dataset folder>');
  process.exit(2);
}
try {
  const dataset = await readDataset(dir);
  const kinds = new Map<string, number>();
  for (const e of dataset.entities) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
  console.log(
    `${dataset.meta.name}: valid — ${dataset.entities.length} entities, ${dataset.relationships.length} relationships`,
  );
  console.log([...kinds].map(([k, n]) => `  ${k}: ${n}`).join('\n'));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
