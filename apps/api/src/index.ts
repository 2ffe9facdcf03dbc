export { buildApp, LISTEN_BACKLOG, type AppOptions } from './http/app.ts';
export { loadConfig, type Config, ConfigError } from './config.ts';
export { openDatabase, connect, type Database, type DatabaseTarget } from './db/database.ts';
export { applySchema } from './db/schema.ts';
export { loadDataset } from './seed/load-dataset.ts';
export { prepareDatabase } from './startup.ts';
