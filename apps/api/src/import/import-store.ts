import {
  ColumnMappingSchema,
  type ColumnMapping,
  type ImportMapping,
  type ImportPreview,
  type ImportRecord,
} from '@explorer/model';
import neo4j from 'neo4j-driver';
import type { Database } from '../db/database.ts';
import { toNumber } from '../db/mapping.ts';
import {
  DELETE_IMPORT_MAPPING,
  GET_IMPORT,
  GET_IMPORT_MAPPING,
  IMPORT_MAPPING_CONSTRAINT,
  LIST_IMPORT_MAPPINGS,
  LIST_IMPORTS,
  SAVE_IMPORT_MAPPING,
} from './queries.ts';

/** A saved mapping name that does not exist. */
export class UnknownMappingError extends Error {
  constructor(readonly mapping: string) {
    super(`no saved column mapping named "${mapping}"`);
    this.name = 'UnknownMappingError';
  }
}

type Row = { get(key: string): unknown };

function toMapping(r: Row): ImportMapping {
  // Stored as JSON text; a mapping that no longer fits the template (a column renamed) keeps what still does.
  let columns: ColumnMapping = {};
  try {
    const parsed = ColumnMappingSchema.safeParse(JSON.parse(String(r.get('columns'))));
    if (parsed.success) columns = parsed.data;
  } catch {
    columns = {};
  }
  return { name: String(r.get('name')), columns, updatedAt: String(r.get('updatedAt')) };
}

/** Saved column mappings (`:ImportMapping` nodes, never Entity) and the record of imports. */
export class ImportStore {
  private constraint: Promise<void> | null = null;

  constructor(private readonly db: Database) {}

  async listMappings(): Promise<ImportMapping[]> {
    return (await this.run(LIST_IMPORT_MAPPINGS, {}, 'read')).map(toMapping);
  }

  async getMapping(name: string): Promise<ImportMapping | null> {
    const [record] = await this.run(GET_IMPORT_MAPPING, { name }, 'read');
    return record ? toMapping(record) : null;
  }

  /** The saved mapping with `columns` applied over it: what an import uses. Unknown name → UnknownMappingError. */
  async resolveMapping(name: string | undefined, columns: ColumnMapping | undefined): Promise<ColumnMapping> {
    let saved: ColumnMapping = {};
    if (name !== undefined) {
      const found = await this.getMapping(name);
      if (!found) throw new UnknownMappingError(name);
      saved = found.columns;
    }
    return { ...saved, ...columns };
  }

  /** Creates or replaces a mapping by name. */
  async saveMapping(name: string, columns: ColumnMapping, now = new Date()): Promise<ImportMapping> {
    await this.ensureConstraint();
    const [record] = await this.run(
      SAVE_IMPORT_MAPPING,
      { name, columns: JSON.stringify(columns), updatedAt: now.toISOString() },
      'write',
    );
    if (!record) throw new Error('saving the mapping returned nothing');
    return toMapping(record);
  }

  /** Whether there was such a mapping to delete. */
  async deleteMapping(name: string): Promise<boolean> {
    const [record] = await this.run(DELETE_IMPORT_MAPPING, { name }, 'write');
    return toNumber(record?.get('deleted') ?? 0) > 0;
  }

  /** When and by whom this exact file (by SHA-256) was imported, if it was. */
  async previousImport(sha256: string): Promise<ImportPreview['previousImport']> {
    const [record] = await this.run(GET_IMPORT, { sha256 }, 'read');
    if (!record) return null;
    const by = record.get('importedBy');
    return { importedAt: String(record.get('importedAt')), importedBy: typeof by === 'string' ? by : null };
  }

  /** Every import, newest first. */
  async listImports(limit = 1000): Promise<ImportRecord[]> {
    const records = await this.run(LIST_IMPORTS, { limit: neo4j.int(limit) }, 'read');
    return records.map((r) => {
      const by = r.get('importedBy');
      return {
        sha256: String(r.get('sha256')),
        fileName: String(r.get('fileName')),
        format: String(r.get('format')),
        importedAt: String(r.get('importedAt')),
        importedBy: typeof by === 'string' ? by : null,
        rows: toNumber(r.get('rows')),
        rowsSkipped: toNumber(r.get('rowsSkipped')),
        entitiesCreated: toNumber(r.get('entitiesCreated')),
        relationshipsCreated: toNumber(r.get('relationshipsCreated')),
        candidates: toNumber(r.get('candidates')),
      };
    });
  }

  private ensureConstraint(): Promise<void> {
    this.constraint ??= this.db.driver
      .executeQuery(IMPORT_MAPPING_CONSTRAINT, {}, { database: this.db.database })
      .then(() => undefined)
      .catch((error: unknown) => {
        this.constraint = null;
        throw error;
      });
    return this.constraint;
  }

  private async run(cypher: string, params: Record<string, unknown>, access: 'read' | 'write') {
    const { records } = await this.db.driver.executeQuery(cypher, params, {
      database: this.db.database,
      routing: access === 'read' ? neo4j.routing.READ : neo4j.routing.WRITE,
    });
    return records;
  }
}
