import {
  ALIASES_MAX,
  COMPANY_ROLES,
  CurrencySchema,
  EntityRecordSchema,
  FTM_EDGE_SCHEMA,
  FTM_NODE_PROPERTY,
  FTM_NODE_SCHEMA,
  FTM_NOTE_PROPERTIES,
  FTM_SYNTHETIC_NOTE,
  PUBLIC_SECURITY_LEVELS,
  PartialDateSchema,
  REGISTRY_IDS_MAX,
  RELATIONSHIP_RULES,
  RelationshipRecordSchema,
  UrlSchema,
  parseRegistryId,
  type EntityKind,
  type RelationshipType,
} from '@explorer/model';
import type { ExistingIndex } from './existing-entities.ts';
import { fileSourceId, ftmEntityId, relationshipId, urlSourceId } from './ids.ts';
import { EntityMatcher } from '../resolution/entity-matcher.ts';
import { NameProbe } from '../resolution/name-probe.ts';
import { CandidateOffers, holdCandidates, type PlannedCandidate } from '../resolution/import-candidates.ts';
import { emptyPlan, type ImportPlan, type PlannedEntity } from './plan-import.ts';
import type { FtmEntity, FtmFile } from './read-ftm.ts';
import { citeAgain, union } from './citations.ts';

type Props = Record<string, unknown>;

/** A ControlList of the database, with the names a Sanction's programme or authority may use for it. */
export interface ControlListRef {
  id: string;
  names: string[];
}

/**
 * FtM schemata read as parties or things, by inverting FTM_NODE_SCHEMA (the export's table), plus the
 * abstract schemata OpenSanctions uses for bodies of unknown type (Organization, LegalEntity).
 */
const NODE_KINDS: Readonly<Record<string, readonly EntityKind[]>> = (() => {
  const kinds: Record<string, EntityKind[]> = {};
  for (const [kind, schema] of Object.entries(FTM_NODE_SCHEMA) as Array<[EntityKind, string]>) {
    // A Contract is a Procurement, planned in a pass of its own (it has no name to resolve).
    if (kind === 'Procurement') continue;
    (kinds[schema] ??= []).push(kind);
  }
  kinds['Organization'] = ['Company', 'PublicSecurityBody', 'GovernmentBody'];
  kinds['LegalEntity'] = ['Company', 'PublicSecurityBody', 'GovernmentBody'];
  return kinds;
})();

/** FtM schemata read as relationships (inverting FTM_EDGE_SCHEMA), plus Directorship. */
const EDGE_SCHEMATA = new Set([...Object.values(FTM_EDGE_SCHEMA).map((r) => r.schema), 'Directorship']);

/** The FtM schema of a purchase: it becomes a Procurement, its `authority` the BUYER (ContractAward: SUPPLIER). */
export const CONTRACT_SCHEMA = FTM_NODE_SCHEMA.Procurement ?? 'Contract';

/** FtM identifier properties → registry scheme ("SCHEME:value"); registrationNumber's scheme is guessed. */
const REGISTRY_PROPERTIES: Readonly<Record<string, string | null>> = {
  [FTM_NODE_PROPERTY['registryIds'] ?? 'registrationNumber']: null,
  innCode: 'INN',
  ogrnCode: 'OGRN',
  leiCode: 'LEI',
  dunsCode: 'DUNS',
  taxNumber: 'TAX',
  vatCode: 'VAT',
  swiftBic: 'BIC',
};

/** Words that make a body a public-security one (as the procurement planner decides for buyers). */
const PUBLIC_SECURITY_WORDS = /公安|警|监狱|看守所|戒毒|police|public security|prison|detention/i;

/** Topics OpenSanctions gives an entity that is on a sanctions or export-control list. */
const LISTED_TOPICS = ['sanction', 'export.control', 'sanction.linked'];

export function registryId(property: string, value: string): string | undefined {
  const compact = value.normalize('NFKC').replace(/\s+/g, '');
  if (compact === '') return undefined;
  const scheme = REGISTRY_PROPERTIES[property];
  if (scheme) return `${scheme}:${compact}`;
  // "SCHEME:value" as the export writes it, or a bare USCC or EIN; any other number keeps a generic scheme.
  const parsed = parseRegistryId(compact);
  return 'id' in parsed ? parsed.id : `REG:${compact}`;
}

/** FtM dates are ISO, possibly with a time: keep the day, month or year. */
function partialDate(value: string | undefined): string | undefined {
  const match = value?.match(/^\d{4}(-\d{2}(-\d{2})?)?/)?.[0];
  return match && PartialDateSchema.safeParse(match).success ? match : undefined;
}

const clip = (text: string | undefined, max: number) =>
  text === undefined || text.trim() === '' ? undefined : text.trim().slice(0, max);

/** `notes` lines the export writes for properties FtM lacks ("level: provincial"). */
function notesByKey(entity: FtmEntity): Map<string, string> {
  const out = new Map<string, string>();
  for (const note of entity.properties['notes'] ?? []) {
    const match = /^([a-zA-Z]+): (.+)$/.exec(note.trim());
    if (match?.[1] && match[2] && FTM_NOTE_PROPERTIES.includes(match[1])) out.set(match[1], match[2]);
  }
  return out;
}

/** An FtM entity's registry ids, "SCHEME:value", from its identifier properties. */
function registryIdsOf(entity: FtmEntity): string[] {
  const p = entity.properties;
  return [
    ...new Set(
      Object.keys(REGISTRY_PROPERTIES).flatMap((property) =>
        (p[property] ?? []).flatMap((v) => registryId(property, v) ?? []),
      ),
    ),
  ];
}

/** What an FtM file's entities could match in the database: their names, aliases and registry ids. */
export function ftmProbe(file: FtmFile): NameProbe {
  const aliases = FTM_NODE_PROPERTY['aliases'] ?? 'alias';
  return new NameProbe(
    file.entities.flatMap(({ entity }) => [
      ...(entity.properties['name'] ?? []),
      ...(entity.properties[aliases] ?? []),
    ]),
    file.entities.flatMap(({ entity }) => registryIdsOf(entity)),
  );
}

/**
 * The plan for a FollowTheMoney file (e.g. an OpenSanctions export): parties become Company,
 * PublicSecurityBody, GovernmentBody or Person; Documents become Sources; Ownership, Membership,
 * Directorship, Representation, UnknownLink and Sanction become relationships (a Sanction on a list
 * the database holds as a ControlList becomes LISTED_ON it). Every fact cites the file's Source, and
 * the entity's `sourceUrl` as a Source of its own. What does not map is a warning (README).
 */
export function planFtm(
  file: FtmFile,
  existing: ExistingIndex,
  lists: readonly ControlListRef[],
  dataset: string,
  /**
   * Entities the database holds under the FtM id of a Contract or Document, by id: the explorer's own
   * FtM export coming back, whose Procurements and Sources are matched rather than copied.
   */
  ownIds: ReadonlyMap<string, EntityKind> = new Map(),
): ImportPlan {
  const plan = emptyPlan();
  const fileSource = fileSourceId(file.sha256);
  const kindOf = new Map<string, EntityKind>(lists.map((l) => [l.id, 'ControlList']));
  /** FtM id → our id, for every entity that mapped. */
  const ours = new Map<string, string>();
  const inFile = new Map(file.entities.map(({ entity, line }) => [entity.id, { entity, line }]));
  const matcher = new EntityMatcher(existing.matcher);
  const candidates = new Map<string, PlannedCandidate>();

  const warn = (line: number, message: string, field?: string) =>
    plan.problems.push({ severity: 'warning', line, message, ...(field && { field }) });
  const error = (line: number, message: string, field?: string) =>
    plan.problems.push({ severity: 'error', line, message, ...(field && { field }) });
  // Real and synthetic data are never mixed: an entity the export marked as invented is refused.
  const entities = file.entities.filter(({ line, entity }) => {
    if (!(entity.properties['notes'] ?? []).includes(FTM_SYNTHETIC_NOTE)) return true;
    error(line, `marked "${FTM_SYNTHETIC_NOTE}": synthetic data is never imported among real data`, 'properties.notes');
    return false;
  });

  const add = (entity: PlannedEntity, sourceIds: readonly string[], at?: string) => {
    const id = String(entity.props['id']);
    kindOf.set(id, entity.kind);
    const prior = plan.entities.get(id);
    if (prior) {
      citeAgain(prior.props, sourceIds, at);
      return;
    }
    plan.entities.set(id, {
      ...entity,
      props: Object.fromEntries(
        Object.entries({
          aliases: [],
          group: false,
          synthetic: false,
          ...entity.props,
          sourceIds: [...sourceIds],
          dataset,
          ...(at && { importedFrom: [at] }),
        }).filter(([, v]) => v !== undefined),
      ),
    });
  };

  /**
   * An entity the file matched learns the file's names (as aliases) and registry ids, citing the
   * file; the write adds only what it lacks, so an entity the file says nothing new about is unchanged
   * but for the citation.
   */
  const learn = (
    id: string,
    kind: EntityKind,
    names: readonly string[],
    registryIds: readonly string[],
    sourceIds: readonly string[],
    at: string,
  ) => {
    const aliases = [...new Set(names.map((n) => n.slice(0, 500)))].slice(0, ALIASES_MAX);
    const prior = plan.entities.get(id);
    if (prior) {
      union(prior.props, 'aliases', aliases, ALIASES_MAX);
      union(prior.props, 'registryIds', registryIds, REGISTRY_IDS_MAX);
      citeAgain(prior.props, sourceIds, at);
      return;
    }
    plan.entities.set(id, {
      kind,
      props: { id, aliases, registryIds: [...registryIds], sourceIds: [...sourceIds], importedFrom: [at] },
    });
  };

  add(
    {
      kind: 'Source',
      props: {
        id: fileSource,
        name: file.fileName,
        description: `FollowTheMoney entities imported from the file "${file.fileName}" (SHA-256 ${file.sha256}).`,
      },
    },
    [],
  );

  /** Sources for an FtM entity's `sourceUrl`s: the existing Source with that URL, or a new one. */
  const urlSources = (entity: FtmEntity): string[] =>
    (entity.properties['sourceUrl'] ?? []).flatMap((url) => {
      if (!UrlSchema.safeParse(url).success) return [];
      const known = existing.sourceByUrl.get(url);
      if (known) {
        plan.matched.set(known, 'Source');
        kindOf.set(known, 'Source');
        return [known];
      }
      const id = urlSourceId(url);
      add({ kind: 'Source', props: { id, name: url.slice(0, 500), url } }, []);
      return [id];
    });

  // Documents first: relationships cite them as `proof`.
  for (const { line, entity } of entities) {
    if (entity.schema !== 'Document') continue;
    const p = entity.properties;
    const url = p[FTM_NODE_PROPERTY['url'] ?? 'sourceUrl']?.find((u) => UrlSchema.safeParse(u).success);
    const known =
      ownIds.get(entity.id) === 'Source' ? entity.id : url === undefined ? undefined : existing.sourceByUrl.get(url);
    if (known) {
      plan.matched.set(known, 'Source');
      kindOf.set(known, 'Source');
      ours.set(entity.id, known);
      continue;
    }
    const props: Props = {
      id: ftmEntityId(entity.id),
      name: clip(p['title']?.[0] ?? p['name']?.[0] ?? url ?? entity.id, 500),
      url,
      publisher: clip(p[FTM_NODE_PROPERTY['publisher'] ?? 'publisher']?.[0], 300),
      date: partialDate(p[FTM_NODE_PROPERTY['date'] ?? 'date']?.[0]),
      quote: clip(p[FTM_NODE_PROPERTY['quote'] ?? 'summary']?.[0], 4000),
      description: clip(p['description']?.[0], 4000),
    };
    if (checkEntity('Source', props, line)) {
      add({ kind: 'Source', line, props }, [fileSource], `${file.fileName} line ${line}`);
      ours.set(entity.id, String(props['id']));
    }
  }

  // Parties and events: matched to an existing entity by exact normalised name or alias, else created.
  for (const { line, entity } of entities) {
    const kinds = entity.schema === 'Document' ? undefined : NODE_KINDS[entity.schema];
    if (kinds === undefined) {
      if (entity.schema !== 'Document' && entity.schema !== CONTRACT_SCHEMA && !EDGE_SCHEMATA.has(entity.schema)) {
        warn(line, `FtM schema ${entity.schema} has no counterpart in the model; not imported`, 'schema');
      }
      continue;
    }
    const p = entity.properties;
    const names = [...(p['name'] ?? []), ...(p[FTM_NODE_PROPERTY['aliases'] ?? 'alias'] ?? [])]
      .map((n) => n.trim())
      .filter((n) => n !== '');
    const name = names[0];
    if (name === undefined) {
      error(line, `a ${entity.schema} needs a name`, 'properties.name');
      continue;
    }
    const notes = notesByKey(entity);
    const kind = chooseKind(entity.schema, kinds, names, notes);

    // Entity resolution (apps/api/src/resolution/), as procurement rows get it: a registry id the
    // database holds, or an exact normalised name or alias, attaches; a name only alike (script,
    // pinyin, containment) makes a new entity and a candidate pair for review.
    const props = entityProps(entity, kind, name, names, notes);
    const registryIds = (props['registryIds'] as string[] | undefined) ?? [];
    const attached = new Map<string, { kind: EntityKind; name: string; by: 'registry-id' | 'name' }>();
    const offered = new CandidateOffers();
    let refusedLine = false;
    for (const [i, n] of names.entries()) {
      for (const registry of i === 0 && registryIds.length > 0 ? registryIds : [undefined]) {
        const found = matcher.resolve(n, registry, kinds);
        if (found.status === 'attach') {
          if (!attached.has(found.entity.id))
            attached.set(found.entity.id, { kind: found.entity.kind, name: n, by: found.by });
        } else if (found.status === 'ambiguous') {
          error(
            line,
            `"${n}" matches ${found.entities.length} existing entities (${found.entities.map((e) => e.id).join(', ')}); cannot tell which`,
            found.by === 'registry-id' ? 'properties.registrationNumber' : 'properties.name',
          );
          refusedLine = true;
        } else if (found.status === 'wrong-kind') {
          error(
            line,
            `${found.registryId} belongs to "${found.entity.id}", a ${found.entity.kind}, not a ${entity.schema}`,
            'properties.registrationNumber',
          );
          refusedLine = true;
        } else {
          for (const c of found.candidates) offered.offer(c);
          for (const r of found.refused) {
            warn(
              line,
              `"${n}" is named like "${r.entity.id}" ("${r.name}") but its registry id ${r.ours} differs from ${r.theirs}: kept apart`,
              'properties.registrationNumber',
            );
          }
        }
      }
    }
    if (refusedLine) continue;
    if (attached.size > 1) {
      error(
        line,
        `"${name}" matches ${attached.size} existing entities (${[...attached.keys()].join(', ')}); cannot tell which`,
        'properties.name',
      );
      continue;
    }
    const [hit] = attached;
    if (hit) {
      const [id, { kind: hitKind, name: matchedName, by }] = hit;
      plan.nameMatches?.push({ line, field: 'properties.name', name: matchedName, entityId: id, by });
      plan.matched.set(id, hitKind);
      kindOf.set(id, hitKind);
      ours.set(entity.id, id);
      learn(id, hitKind, names, registryIds, [fileSource, ...urlSources(entity)], `${file.fileName} line ${line}`);
      continue;
    }

    if (!checkEntity(kind, props, line)) continue;
    add({ kind, line, props }, [fileSource, ...urlSources(entity)], `${file.fileName} line ${line}`);
    const id = String(props['id']);
    ours.set(entity.id, id);
    // Later lines of the file meet this entity too (as a candidate, never attached: FtM ids say they differ).
    matcher.add({ id, kind, registryIds }, names, false);
    holdCandidates(candidates, offered.best(), { id, name }, { line, field: 'properties.name' });
  }
  plan.candidates = [...candidates.values()];

  // Contracts: each a new Procurement under its FtM id (a re-import matches it by that id), unless
  // it is one of ours, exported: then it is that Procurement, and its buyers and suppliers match too.
  for (const { line, entity } of entities) {
    if (entity.schema !== CONTRACT_SCHEMA) continue;
    if (ownIds.get(entity.id) === 'Procurement') {
      plan.matched.set(entity.id, 'Procurement');
      kindOf.set(entity.id, 'Procurement');
      ours.set(entity.id, entity.id);
      continue;
    }
    const props = contractProps(entity);
    if (!checkEntity('Procurement', props, line)) continue;
    add({ kind: 'Procurement', line, props }, [fileSource, ...urlSources(entity)], `${file.fileName} line ${line}`);
    ours.set(entity.id, String(props['id']));
  }

  // Relationship-like entities, and the buyers of Contracts.
  const listedInFile = new Set<string>();
  for (const { line, entity } of entities) {
    if (!EDGE_SCHEMATA.has(entity.schema) && entity.schema !== CONTRACT_SCHEMA) continue;
    const p = entity.properties;
    const at = `${file.fileName} line ${line}`;
    const end = (property: string, ref = p[property]?.[0]): string | undefined => {
      if (ref === undefined) {
        error(line, `a ${entity.schema} needs its ${property}`, `properties.${property}`);
        return undefined;
      }
      const id = ours.get(ref);
      if (id === undefined) {
        const target = inFile.get(ref);
        warn(
          line,
          target
            ? `${property} "${ref}" (line ${target.line}) was not imported, so neither is this ${entity.schema}`
            : `${property} "${ref}" is not in the file; this ${entity.schema} is not imported`,
          `properties.${property}`,
        );
      }
      return id;
    };
    const proofs = (p['proof'] ?? []).flatMap((ref) => {
      const id = ours.get(ref);
      return id && kindOf.get(id) === 'Source' ? [id] : [];
    });
    const cite = () => [fileSource, ...urlSources(entity), ...proofs];
    const relate = (type: RelationshipType, source: string, target: string, extra: Props = {}) => {
      const rule = RELATIONSHIP_RULES[type];
      const fromKind = kindOf.get(source);
      const toKind = kindOf.get(target);
      if (!fromKind || !rule.from.includes(fromKind) || !toKind || !rule.to.includes(toKind)) {
        error(line, `${type} cannot join a ${fromKind ?? '?'} to a ${toKind ?? '?'} (from ${entity.schema})`);
        return;
      }
      const id = relationshipId(type, source, target);
      const sourceIds = cite();
      const prior = plan.relationships.get(id);
      if (prior) {
        citeAgain(prior.props, sourceIds, at);
        return;
      }
      const props: Props = {
        id,
        sourceIds,
        confidence: 'high',
        note: clip(
          [`Imported from ${at} (FtM ${entity.schema} ${entity.id}).`, p['description']?.[0]].filter(Boolean).join(' '),
          2000,
        ),
        quote: clip(p[FTM_NODE_PROPERTY['quote'] ?? 'summary']?.[0], 4000),
        from: partialDate(p['startDate']?.[0]),
        to: partialDate(p['endDate']?.[0]),
        dataset,
        importedFrom: [at],
        ...extra,
      };
      const clean = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
      const checked = RelationshipRecordSchema.safeParse({ ...clean, type, source, target });
      if (!checked.success) {
        for (const issue of checked.error.issues) error(line, `${type}: ${issue.message}`, issue.path.join('.'));
        return;
      }
      plan.relationships.set(id, { type, source, target, props: clean });
    };

    switch (entity.schema) {
      case 'Ownership': {
        const owner = end('owner');
        const asset = end('asset');
        if (!owner || !asset) break;
        const kind = (p['ownershipType'] ?? []).join(' ').toLowerCase();
        const share = Number(p['percentage']?.[0]?.replace('%', ''));
        const shareProp = Number.isFinite(share) && p['percentage'] ? share : undefined;
        if (kind.includes('subsidiary')) relate('SUBSIDIARY_OF', asset, owner);
        else if (kind.includes('acquisition')) relate('ACQUIRED', owner, asset, { stake: shareProp });
        else if (kind.includes('investment')) relate('INVESTED_IN', owner, asset, { share: shareProp });
        else relate('OWNS', owner, asset, { share: shareProp });
        break;
      }
      case 'Membership':
      case 'Directorship': {
        const member = end(entity.schema === 'Membership' ? 'member' : 'director');
        const organisation = end('organization');
        const role = p['role']?.[0];
        if (member && organisation) {
          relate(
            'PART_OF',
            member,
            organisation,
            role ? { note: clip(`${entity.schema}: ${role}. Imported from ${at}.`, 2000) } : {},
          );
        }
        break;
      }
      case 'Representation': {
        const agent = end('agent');
        const client = end('client');
        if (agent && client) relate('DISTRIBUTES_FOR', agent, client);
        break;
      }
      case 'UnknownLink': {
        const subject = end('subject');
        const object = end('object');
        if (!subject || !object) break;
        const role = (p['role'] ?? []).join('; ');
        if (/suppl/i.test(role)) relate('SUPPLIED', subject, object);
        // Only "works with" is a claim of cooperation; any other link is kept, but as a weak one.
        else
          relate(
            'COOPERATES_WITH',
            subject,
            object,
            /works with/i.test(role)
              ? {}
              : {
                  confidence: 'low',
                  note: clip(`FtM UnknownLink${role ? ` (role: ${role})` : ''}. Imported from ${at}.`, 2000),
                },
          );
        break;
      }
      case 'Sanction': {
        const listed = end('entity');
        if (!listed) break;
        listedInFile.add(p['entity']?.[0] ?? '');
        const texts = [...(p['program'] ?? []), ...(p['authority'] ?? []), ...(p['programId'] ?? [])];
        const list = findList(lists, texts);
        if (!list) {
          warn(
            line,
            `no ControlList in the database matches "${texts.join('; ')}"; listing not imported`,
            'properties.program',
          );
          break;
        }
        relate('LISTED_ON', listed, list, {
          citation: clip(p['authorityId']?.[0] ?? p['program']?.[0] ?? p['authority']?.[0] ?? at, 300),
          from: partialDate(p['listingDate']?.[0] ?? p['startDate']?.[0]),
        });
        break;
      }
      case CONTRACT_SCHEMA: {
        const contract = ours.get(entity.id);
        // A Contract refused above has its error already.
        if (!contract) break;
        const authorities = p['authority'] ?? [];
        if (authorities.length === 0)
          warn(line, 'a Contract without an authority: its buyer is unknown', 'properties.authority');
        for (const ref of authorities) {
          const buyer = end('authority', ref);
          if (buyer) relate('BUYER', contract, buyer);
        }
        break;
      }
      case 'ContractAward': {
        const contract = end('contract');
        const supplier = end('supplier');
        if (!contract || !supplier) break;
        relate('SUPPLIER', contract, supplier);
        // The award's amount is the purchase's when the contract states none.
        const procurement = plan.entities.get(contract)?.props;
        const amount = amountOf(p['amount']?.[0]);
        const currency = p['currency']?.[0]?.toUpperCase();
        const currencyValid = CurrencySchema.safeParse(currency).success;
        if (
          procurement &&
          procurement['amount'] === undefined &&
          amount !== undefined &&
          amount >= 0 &&
          currencyValid
        ) {
          Object.assign(procurement, { amount, currency });
        }
        break;
      }
      default:
        warn(line, `FtM schema ${entity.schema} is not imported`, 'schema');
    }
  }

  // Listed entities (topics) without a Sanction in the file: listed only if they name the programme themselves.
  for (const { line, entity } of entities) {
    const topics = entity.properties['topics'] ?? [];
    const id = ours.get(entity.id);
    if (!id || listedInFile.has(entity.id) || !topics.some((t) => LISTED_TOPICS.includes(t))) continue;
    const program = entity.properties['program'] ?? [];
    const list = findList(lists, program);
    if (!list) {
      warn(
        line,
        `topics say ${topics.join(', ')}, but no Sanction entity says on which list; no LISTED_ON made`,
        'properties.topics',
      );
      continue;
    }
    const at = `${file.fileName} line ${line}`;
    const relId = relationshipId('LISTED_ON', id, list);
    if (plan.relationships.has(relId)) continue;
    const props: Props = {
      id: relId,
      sourceIds: [fileSource, ...urlSources(entity)],
      confidence: 'high',
      note: `Imported from ${at} (topics: ${topics.join(', ')}).`,
      citation: clip(program[0], 300),
      dataset,
      importedFrom: [at],
    };
    if (RELATIONSHIP_RULES.LISTED_ON.from.includes(kindOf.get(id) ?? 'Source')) {
      plan.relationships.set(relId, { type: 'LISTED_ON', source: id, target: list, props });
    }
  }
  // Existing entities the relationships attach to (control lists, cited Sources) count as matched.
  for (const rel of plan.relationships.values()) {
    for (const end of [rel.source, rel.target]) {
      const kind = kindOf.get(end);
      if (kind && !plan.entities.has(end)) plan.matched.set(end, kind);
    }
  }
  return plan;

  function checkEntity(kind: EntityKind, props: Props, line: number): boolean {
    const clean = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
    const checked = EntityRecordSchema.safeParse({ ...clean, kind, sourceIds: [] });
    if (checked.success) return true;
    for (const issue of checked.error.issues) {
      error(line, `${kind} "${String(props['name'])}": ${issue.message}`, issue.path.join('.'));
    }
    return false;
  }
}

/** An FtM amount ("1,250,000.00") as a number, or nothing when it is not one. */
function amountOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/[,\s]/g, ''));
  return Number.isFinite(n) && value.trim() !== '' ? n : undefined;
}

/** A Contract's Procurement: the title (else the name) names it, the description says what was bought. */
function contractProps(entity: FtmEntity): Props {
  const p = entity.properties;
  const title = clip(p['title']?.[0] ?? p['name']?.[0], 500);
  const quantity = amountOf(notesByKey(entity).get('quantity'));
  const amount = amountOf(p['amount']?.[0]);
  return {
    id: ftmEntityId(entity.id),
    name: title ?? entity.id,
    items: clip(p['description']?.[0] ?? title ?? entity.id, 2000),
    date: partialDate(p['contractDate']?.[0] ?? p['date']?.[0] ?? p['startDate']?.[0]),
    quantity,
    amount,
    // An amount without a currency is not a fact the model can hold (the schema refuses it).
    currency: amount === undefined ? undefined : p['currency']?.[0]?.toUpperCase(),
    description: clip(p['notes']?.filter((n) => !/^[a-zA-Z]+: /.test(n)).join(' '), 4000),
  };
}

/** The kind an FtM party becomes: police words or a level note make a PublicSecurityBody. */
function chooseKind(
  schema: string,
  kinds: readonly EntityKind[],
  names: readonly string[],
  notes: ReadonlyMap<string, string>,
): EntityKind {
  if (
    kinds.includes('PublicSecurityBody') &&
    (notes.has('level') || names.some((n) => PUBLIC_SECURITY_WORDS.test(n)))
  ) {
    return 'PublicSecurityBody';
  }
  if (schema === 'PublicBody' || notes.has('jurisdiction')) return 'GovernmentBody';
  return kinds[0] ?? 'Company';
}

function entityProps(
  entity: FtmEntity,
  kind: EntityKind,
  name: string,
  names: readonly string[],
  notes: ReadonlyMap<string, string>,
): Props {
  const p = entity.properties;
  const first = (ours: string) => p[FTM_NODE_PROPERTY[ours] ?? ours]?.[0];
  const country = (p['country'] ?? p['jurisdiction'] ?? []).find((c) => /^[a-z]{2}$/i.test(c))?.toUpperCase();
  const weak = p['weakAlias'] ?? [];
  const description = [
    first('description'),
    weak.length > 0 ? `Weak aliases (not used for matching): ${weak.join(', ')}.` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  const props: Props = {
    id: ftmEntityId(entity.id),
    name: clip(name, 500),
    aliases: [...new Set(names.slice(1))]
      .filter((n) => n !== name)
      .slice(0, ALIASES_MAX)
      .map((n) => n.slice(0, 500)),
    country,
    description: clip(description, 4000),
  };
  const ids = registryIdsOf(entity);
  if (ids.length > 0 && kind !== 'Person' && kind !== 'Event') props['registryIds'] = ids;
  switch (kind) {
    case 'Company': {
      const roles = (notes.get('roles') ?? '')
        .split(/,\s*/)
        .filter((r) => (COMPANY_ROLES as readonly string[]).includes(r));
      Object.assign(props, {
        roles,
        sector: clip(first('sector'), 200),
        headquarters: clip(first('headquarters'), 200),
      });
      break;
    }
    case 'PublicSecurityBody': {
      const level = notes.get('level');
      Object.assign(props, {
        level: level && (PUBLIC_SECURITY_LEVELS as readonly string[]).includes(level) ? level : 'unspecified',
        region: clip(notes.get('region') ?? p['address']?.[0], 200),
      });
      break;
    }
    case 'GovernmentBody':
      props['jurisdiction'] = clip(notes.get('jurisdiction'), 200);
      break;
    case 'Person':
      props['title'] = clip(first('title'), 300);
      break;
    case 'Event':
      Object.assign(props, {
        date: partialDate(p['date']?.[0] ?? p['startDate']?.[0]),
        location: clip(first('location'), 300),
      });
      break;
    default:
      break;
  }
  return props;
}

/** The ControlList a programme or authority text names (its name or an alias, in any case); the longest name wins. */
function findList(lists: readonly ControlListRef[], texts: readonly string[]): string | undefined {
  let best: { id: string; length: number } | undefined;
  const haystack = texts.map((t) => t.toLowerCase());
  for (const list of lists) {
    for (const name of list.names) {
      const needle = name.toLowerCase().trim();
      if (needle.length < 3 || !haystack.some((t) => t.includes(needle))) continue;
      if (!best || needle.length > best.length) best = { id: list.id, length: needle.length };
    }
  }
  return best?.id;
}
