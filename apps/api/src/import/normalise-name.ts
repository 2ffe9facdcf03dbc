// The name key lives with entity resolution; the import's ids are built from it.
export { normaliseName } from '../resolution/normalise-name.ts';
