import { createHash } from 'node:crypto';
import {
  EntityRecordSchema,
  RELATIONSHIP_RULES,
  RelationshipRecordSchema,
  type EntityKind,
  type ImportMatch,
  type RelationshipType,
} from '@explorer/model';
import { EntityMatcher, registryConflict, type Resolution } from '../resolution/entity-matcher.ts';
import { holdCandidates, type PlannedCandidate } from '../resolution/import-candidates.ts';
import { NameProbe } from '../resolution/name-probe.ts';
import type { ExistingIndex } from './existing-entities.ts';
import { fileSourceId, importedEntityId, procurementId, relationshipId, urlSourceId } from './ids.ts';
import { normaliseName } from './normalise-name.ts';
import type { ImportProblem } from './problems.ts';
import type { ProcurementFile } from './read-procurement-file.ts';
import { citeAgain, union } from './citations.ts';

type Props = Record<string, unknown>;

export interface PlannedEntity {
  kind: EntityKind;
  props: Props;
  /** The first line that names it, for error messages (none for the file's own Source). */
  line?: number;
}
export interface PlannedRelationship {
  type: RelationshipType;
  source: string;
  target: string;
  props: Props;
}

/** What the file means for the graph: entities to merge, existing ones it attaches to, relationships. */
export interface ImportPlan {
  entities: Map<string, PlannedEntity>;
  /** Existing entities rows attach to (exact normalised name or alias), by id. */
  matched: Map<string, EntityKind>;
  relationships: Map<string, PlannedRelationship>;
  problems: ImportProblem[];
  /** Uncertain matches to hold for review (entity resolution); written by writeCandidates. */
  candidates?: PlannedCandidate[];
  /** Names of the file attached to entities in the database, one per field and name, in file order. */
  nameMatches?: PlannedMatch[];
}

/** A plan with nothing in it yet. */
export function emptyPlan(): ImportPlan {
  return { entities: new Map(), matched: new Map(), relationships: new Map(), problems: [], nameMatches: [] };
}

/** A name attached to an existing entity (the report adds the entity's name). */
export type PlannedMatch = Omit<ImportMatch, 'entity'> & { entityId: string };

/** Words that make a buyer without a stated level a public-security body rather than another office. */
const PUBLIC_SECURITY_WORDS = /公安|警|监狱|看守所|戒毒|police|public security|prison|detention/i;

/** The fields of a row that name an entity in the database (with `<field>_registry_id` where there is one). */
const NAMED_FIELDS = ['buyer', 'supplier', 'manufacturer', 'product', 'category'] as const;

/** The kinds each resolved field may name (RELATIONSHIP_RULES); a product must be one a maker can make. */
const FIELD_KINDS = {
  buyer: RELATIONSHIP_RULES.BUYER.to,
  supplier: RELATIONSHIP_RULES.SUPPLIER.to,
  manufacturer: RELATIONSHIP_RULES.MANUFACTURES.from,
  product: RELATIONSHIP_RULES.ITEM.to.filter((k) => RELATIONSHIP_RULES.MANUFACTURES.to.includes(k)),
} satisfies Record<string, readonly EntityKind[]>;

function ambiguousMessage(
  found: Extract<Resolution, { status: 'ambiguous' }>,
  name: string,
  registryId: string | undefined,
): string {
  const by = found.by === 'registry-id' ? `registry id ${registryId ?? ''}` : `"${name}"`;
  return `${by} matches ${found.entities.length} existing entities (${found.entities.map((h) => h.id).join(', ')}); cannot tell which`;
}

/** The database's category a row names, by area ("data storage" → data-storage) or by its one exact name. */
function findCategory(category: string, key: string, existing: ExistingIndex): string | undefined {
  const area = category
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const byName = (existing.byKey.get(key) ?? []).filter((e) => RELATIONSHIP_RULES.IN_CATEGORY.to.includes(e.kind));
  return existing.categoryByArea.get(area) ?? (byName.length === 1 ? byName[0]?.id : undefined);
}

const unknownCategory = (category: string) => `"${category}" is not a technology category in the database`;

/** What a procurement file's rows could match in the database: every name and registry id they give. */
export function procurementProbe(file: ProcurementFile): NameProbe {
  const names: string[] = [];
  const registryIds: string[] = [];
  for (const { row } of file.rows) {
    const cells = row as Partial<Record<string, unknown>>;
    for (const field of NAMED_FIELDS) {
      const name = cells[field];
      const registryId = cells[`${field}_registry_id`];
      if (typeof name === 'string') names.push(name);
      if (typeof registryId === 'string') registryIds.push(registryId);
    }
  }
  return new NameProbe(names, registryIds);
}

/**
 * The errors a row has whatever the file's other rows say: a name without a registry id that is the
 * exact name of several entities of the database (entities a file creates are never matched by exact
 * name, only by registry id, so no row can change this), or a category the database lacks. Found
 * without planning, with planImport's own messages, so that importing only the valid rows can leave
 * these rows out before planning instead of planning the file a second time without them.
 */
export function databaseProblems(
  file: ProcurementFile,
  existing: ExistingIndex,
  skipped: ReadonlySet<number>,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const messages = new Map<string, string | null>();
  const memo = (key: string, find: () => string | null) => {
    let message = messages.get(key);
    if (message === undefined) messages.set(key, (message = find()));
    return message;
  };
  for (const { line, row } of file.rows) {
    if (skipped.has(line)) continue;
    const cells = row as Partial<Record<string, unknown>>;
    // In planImport's order: buyer, supplier, manufacturer, product (FIELD_KINDS' order), then category.
    for (const field of Object.keys(FIELD_KINDS) as (keyof typeof FIELD_KINDS)[]) {
      const name = cells[field];
      if (typeof name !== 'string' || cells[`${field}_registry_id`]) continue;
      const message = memo(`${field}\u0000${name}`, () => {
        const found = existing.matcher.resolve(name, undefined, FIELD_KINDS[field], { fuzzy: false });
        return found.status === 'ambiguous' ? ambiguousMessage(found, name, undefined) : null;
      });
      if (message) problems.push({ severity: 'error', line, field, column: field, message });
    }
    const category = row.category;
    if (category === undefined) continue;
    const message = memo(`category\u0000${category}`, () =>
      findCategory(category, normaliseName(category), existing) ? null : unknownCategory(category),
    );
    if (message) problems.push({ severity: 'error', line, field: 'category', column: 'category', message });
  }
  return problems;
}

/**
 * Turns validated rows into entities and relationships of the model. A name is attached to an
 * existing entity only when the row's registry id is the entity's, or its normalised form equals the
 * entity's normalised name or an alias, and the entity's kind is one the relationship allows
 * (RELATIONSHIP_RULES); more than one such entity is an error. Nothing fuzzier is ever merged: it
 * becomes a new entity and a candidate pair in `plan.candidates`, for review.
 */
export function planImport(file: ProcurementFile, existing: ExistingIndex): ImportPlan {
  const plan = emptyPlan();
  // Entity resolution: the database's entities, plus those this plan creates (so two rows meet too).
  const matcher = new EntityMatcher(existing.matcher);
  const candidates = new Map<string, PlannedCandidate>();
  const warnings: ImportProblem[] = [];
  plan.candidates = [];
  const resolved = new Map<string, Resolution>();
  const dataset = `import:${file.sha256.slice(0, 16)}`;
  const fileSource = fileSourceId(file.sha256);
  // A file names the same buyer, supplier or maker in thousands of rows: key and hash each name once.
  const keys = new Map<string, string>();
  const nameKey = (name: string) => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = normaliseName(name)));
    return key;
  };
  const entityIds = new Map<string, string>();
  const entityId = (prefix: string, key: string) => {
    const memoKey = `${prefix}\u0000${key}`;
    let id = entityIds.get(memoKey);
    if (id === undefined) entityIds.set(memoKey, (id = importedEntityId(prefix, key)));
    return id;
  };
  addEntity(
    plan,
    'Source',
    {
      id: fileSource,
      name: file.fileName,
      description: `Procurement records imported from the file "${file.fileName}" (SHA-256 ${file.sha256}).`,
      sourceIds: [],
    },
    dataset,
    [],
  );

  for (const { line, row } of file.rows) {
    const at = `${file.fileName} line ${line}`;
    const problemsBefore = plan.problems.length;
    const error = (field: string, message: string) =>
      plan.problems.push({ severity: 'error', line, field, column: field, message });

    const sourceIds = [fileSource];
    if (row.source_url) {
      const id = existing.sourceByUrl.get(row.source_url) ?? urlSourceId(row.source_url);
      if (existing.sourceByUrl.has(row.source_url)) plan.matched.set(id, 'Source');
      else
        addEntity(
          plan,
          'Source',
          { id, name: row.source_title ?? row.source_url, url: row.source_url, sourceIds: [] },
          dataset,
          [],
        );
      sourceIds.push(id);
    }

    /**
     * The id for a named party or thing (entity resolution, apps/api/src/resolution/): an entity with
     * the row's registry id, or with the same exact name key, of a kind the relationship allows; else
     * a new entity with a deterministic id, holding uncertain matches as candidates for review.
     */
    const resolve = (field: string, name: string, allowed: readonly EntityKind[], create: () => PlannedEntity) => {
      const registryField = `${field}_registry_id`;
      const registryId = (row as Partial<Record<string, unknown>>)[registryField] as string | undefined;
      // Procurement files name the same buyer or supplier in thousands of rows: resolve each once.
      // A repeat resolves as the first did (the same deterministic id, its candidates already held).
      const memoKey = `${field}\u0000${registryId ?? ''}\u0000${name}`;
      const memo = resolved.get(memoKey);
      const found = memo ?? matcher.resolve(name, registryId, allowed, { fuzzy: field !== 'product' });
      resolved.set(memoKey, found);
      if (found.status === 'ambiguous') {
        error(found.by === 'registry-id' ? registryField : field, ambiguousMessage(found, name, registryId));
        return undefined;
      }
      if (found.status === 'wrong-kind') {
        error(
          registryField,
          `${found.registryId} belongs to "${found.entity.id}", a ${found.entity.kind}, which cannot be a ${field}`,
        );
        return undefined;
      }
      if (found.status === 'attach') {
        const { id, kind } = found.entity;
        // An entity an earlier row created gains this row's citations; one in the database is matched.
        if (plan.entities.has(id)) addEntity(plan, kind, { id }, dataset, sourceIds, at, line);
        else {
          plan.matched.set(id, kind);
          if (!memo) plan.nameMatches?.push({ line, field, name, entityId: id, by: found.by });
        }
        return id;
      }
      for (const refused of found.refused) {
        // Held apart until the end: a row with a problem so far is a row with an error.
        warnings.push({
          severity: 'warning',
          line,
          field: registryField,
          column: registryField,
          message: `"${name}" is named like "${refused.entity.id}" ("${refused.name}") but its registry id ${refused.ours} differs from ${refused.theirs}: kept apart`,
        });
      }
      const entity = create();
      if (!allowed.includes(entity.kind)) throw new Error(`${entity.kind} cannot be a ${field}`);
      let id = String(entity.props['id']);
      if (registryId) {
        const prior = plan.entities.get(id);
        const priorIds = (prior?.props['registryIds'] as string[] | undefined) ?? [];
        // The name's id is taken by an entity with another registry id: this one gets its own.
        if (prior ? registryConflict([registryId], priorIds) : matcher.has(id)) {
          id = `${id}-${createHash('sha256').update(registryId).digest('hex').slice(0, 8)}`;
          entity.props['id'] = id;
        }
        entity.props['registryIds'] = [registryId];
      }
      const isNew = !plan.entities.has(id);
      addEntity(plan, entity.kind, entity.props, dataset, sourceIds, at, line);
      if (registryId) union(plan.entities.get(id)?.props ?? {}, 'registryIds', [registryId]);
      matcher.add({ id, kind: entity.kind, registryIds: registryId ? [registryId] : [] }, isNew ? [name] : [], false);
      holdCandidates(candidates, found.candidates, { id, name }, { line, field });
      return id;
    };

    const buyerId = resolve('buyer', row.buyer, FIELD_KINDS.buyer, () => {
      const id = entityId('buyer', nameKey(row.buyer));
      const prior = plan.entities.get(id);
      const publicSecurity =
        row.buyer_level !== undefined || PUBLIC_SECURITY_WORDS.test(row.buyer) || prior?.kind === 'PublicSecurityBody';
      return publicSecurity
        ? {
            kind: 'PublicSecurityBody',
            props: {
              id,
              name: row.buyer,
              level: row.buyer_level ?? 'unspecified',
              region: row.buyer_region,
              country: 'CN',
            },
          }
        : { kind: 'GovernmentBody', props: { id, name: row.buyer, jurisdiction: row.buyer_region, country: 'CN' } };
    });
    const supplierId = resolve('supplier', row.supplier, FIELD_KINDS.supplier, () => ({
      kind: 'Company',
      props: { id: entityId('company', nameKey(row.supplier)), name: row.supplier },
    }));
    const manufacturerId =
      row.manufacturer === undefined
        ? undefined
        : resolve('manufacturer', row.manufacturer, FIELD_KINDS.manufacturer, () => ({
            kind: 'Company',
            props: {
              id: entityId('company', nameKey(row.manufacturer ?? '')),
              name: row.manufacturer,
              roles: ['manufacturer'],
            },
          }));
    // A generic product name ("硬盘") of two makers is two products: the maker is part of a new product's id.
    const productId = resolve('product', row.product, FIELD_KINDS.product, () => ({
      kind: 'Product',
      props: {
        id: entityId('product', `${row.manufacturer ? nameKey(row.manufacturer) : ''} ${nameKey(row.product)}`.trim()),
        name:
          row.manufacturer && !row.product.includes(row.manufacturer)
            ? `${row.product} (${row.manufacturer})`
            : row.product,
      },
    }));
    let categoryId: string | undefined;
    if (row.category !== undefined) {
      categoryId = findCategory(row.category, nameKey(row.category), existing);
      if (categoryId) plan.matched.set(categoryId, 'TechnologyCategory');
      else error('category', unknownCategory(row.category));
    }
    if (plan.problems.length > problemsBefore || !buyerId || !supplierId || !productId) continue;

    const procId = procurementId([
      buyerId,
      supplierId,
      productId,
      manufacturerId,
      row.date,
      row.quantity,
      row.amount,
      row.currency,
    ]);
    addEntity(
      plan,
      'Procurement',
      {
        id: procId,
        name: `${row.product} bought by ${row.buyer} from ${row.supplier}${row.date ? ` (${row.date})` : ''}`.slice(
          0,
          500,
        ),
        items: row.product,
        date: row.date,
        quantity: row.quantity,
        amount: row.amount,
        currency: row.currency,
      },
      dataset,
      sourceIds,
      at,
      line,
    );

    const note = `Imported from ${at}.`;
    const relate = (type: RelationshipType, source: string, target: string, quantity?: number) => {
      const id = relationshipId(type, source, target);
      const prior = plan.relationships.get(id);
      if (prior) {
        citeAgain(prior.props, sourceIds, at);
        return;
      }
      // Built without undefined values (it is written as it is), for every relationship a file plans.
      const props: Props = { id, sourceIds: [...sourceIds], confidence: 'high', note, dataset, importedFrom: [at] };
      if (row.quote !== undefined) props['quote'] = row.quote;
      if (quantity !== undefined) props['quantity'] = quantity;
      // The model's own schema guards every relationship this import writes.
      const checked = RelationshipRecordSchema.safeParse({ ...props, type, source, target });
      if (!checked.success) {
        error(type, checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
        return;
      }
      plan.relationships.set(id, { type, source, target, props });
    };
    relate('BUYER', procId, buyerId);
    relate('SUPPLIER', procId, supplierId);
    relate('ITEM', procId, productId, row.quantity);
    if (manufacturerId) relate('MANUFACTURES', manufacturerId, productId);
    if (categoryId) relate('IN_CATEGORY', procId, categoryId);
  }

  plan.candidates = [...candidates.values()];
  plan.problems.push(...warnings);

  // Every new entity must be a valid record of the model.
  for (const entity of plan.entities.values()) {
    // Bookkeeping properties are not part of the model's record.
    const record = Object.fromEntries(
      Object.entries(entity.props).filter(([key]) => key !== 'importedFrom' && key !== 'dataset'),
    );
    const checked = EntityRecordSchema.safeParse({ ...record, kind: entity.kind });
    if (!checked.success) {
      plan.problems.push({
        severity: 'error',
        line: entity.line ?? 1,
        message: `${entity.kind} "${String(entity.props['name'])}": ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      });
    }
  }
  return plan;
}

function dropUndefined(props: Props): Props {
  // A loop, not entries/fromEntries: it runs for every entity and relationship a file plans.
  const kept: Props = {};
  for (const key of Object.keys(props)) if (props[key] !== undefined) kept[key] = props[key];
  return kept;
}

/** Adds a new entity, or, when an earlier row already added it, only this row's citations. */
function addEntity(
  plan: ImportPlan,
  kind: EntityKind,
  props: Props,
  dataset: string,
  sourceIds: readonly string[],
  at?: string,
  line?: number,
): void {
  const id = String(props['id']);
  const prior = plan.entities.get(id);
  if (prior) {
    citeAgain(prior.props, sourceIds, at);
    return;
  }
  plan.entities.set(id, {
    kind,
    ...(line !== undefined && { line }),
    props: dropUndefined({
      aliases: [],
      group: false,
      synthetic: false,
      ...props,
      sourceIds: [...sourceIds],
      dataset,
      ...(at && { importedFrom: [at] }),
    }),
  });
}
