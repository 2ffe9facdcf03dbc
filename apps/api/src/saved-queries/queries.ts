/**
 * Every Cypher statement about saved console queries, in one place. All values travel as parameters.
 * Saved queries are nodes labelled SavedQuery and never Entity: the ontology's routes, exports, search
 * indexes and seed loader only ever match Entity, so they do not see them.
 */

export const SAVED_QUERY_LABEL = 'SavedQuery';

/**
 * Applied by the repository before its first write, not with the model's schema: the model's
 * statements describe the ontology and go into every Cypher and CSV export.
 * Names are unique case-insensitively, through `nameKey` (the lower-cased name).
 */
export const SAVED_QUERY_CONSTRAINTS: readonly string[] = [
  `CREATE CONSTRAINT saved_query_id IF NOT EXISTS FOR (q:${SAVED_QUERY_LABEL}) REQUIRE q.id IS UNIQUE`,
  `CREATE CONSTRAINT saved_query_name IF NOT EXISTS FOR (q:${SAVED_QUERY_LABEL}) REQUIRE q.nameKey IS UNIQUE`,
];

/** Newest first; ISO 8601 UTC timestamps of one length sort as text. */
export const LIST_SAVED_QUERIES = `
  MATCH (q:${SAVED_QUERY_LABEL})
  RETURN q
  ORDER BY q.createdAt DESC, q.name`;

export const GET_SAVED_QUERY = `
  MATCH (q:${SAVED_QUERY_LABEL} {id: $id})
  RETURN q`;

/** Fails with a constraint violation when the name is taken (see SAVED_QUERY_CONSTRAINTS). */
export const CREATE_SAVED_QUERY = `
  CREATE (q:${SAVED_QUERY_LABEL})
  SET q = $props
  RETURN q`;

export const DELETE_SAVED_QUERY = `
  MATCH (q:${SAVED_QUERY_LABEL} {id: $id})
  DELETE q
  RETURN count(*) AS deleted`;
