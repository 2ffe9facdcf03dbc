import { hash } from 'node:crypto';

// One-shot hash: an import digests an id for every procurement and relationship it plans.
const digest = (text: string, length: number) => hash('sha256', text, 'hex').slice(0, length);

/** ASCII part of a key for readable ids ("hikvision"); Chinese names leave only the hash. */
function slug(key: string): string {
  return key
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/**
 * Id of an entity the import creates, from its kind and normalised name only: the same name in
 * the same or another file always gives the same id, so MERGE by id makes re-imports no-ops.
 */
export function importedEntityId(prefix: string, key: string): string {
  const readable = slug(key);
  return `${prefix}-${readable ? `${readable}-` : ''}${digest(`${prefix}\u0000${key}`, 12)}`;
}

/** The Source standing for an imported file: its SHA-256 names it, whatever the file is called. */
export function fileSourceId(sha256: string): string {
  return `src-file-${sha256.slice(0, 16)}`;
}

/** The Source for a row's own link. */
export function urlSourceId(url: string): string {
  return `src-url-${digest(url, 16)}`;
}

/** A procurement's id from the facts that make it that purchase (not the file or line it is on). */
export function procurementId(facts: readonly (string | number | undefined)[]): string {
  return `proc-import-${digest(JSON.stringify(facts), 16)}`;
}

/** A relationship's id from its type and ends: one fact, however many files state it. */
export function relationshipId(type: string, source: string, target: string): string {
  return `rel-import-${digest(`${type}\u0000${source}\u0000${target}`, 16)}`;
}

/**
 * Id of an entity created from a FollowTheMoney entity: its FtM id (stable across OpenSanctions
 * exports), so that importing a newer export merges into the same entities.
 */
export function ftmEntityId(ftmId: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$/.test(ftmId) ? `ftm-${ftmId}` : `ftm-${digest(ftmId, 24)}`;
}
