import { ENTITY_KINDS } from './entities.ts';
import { RELATIONSHIP_TYPES } from './relationships.ts';

/** The common label every entity node carries next to its kind. */
export const ENTITY_LABEL = 'Entity';

/** Full-text indexes over names and aliases: one for Latin scripts (fuzzy), one for Chinese (bigrams). */
export const FULLTEXT_INDEXES = {
  latin: 'entity_names',
  cjk: 'entity_names_cjk',
} as const;

/**
 * The constraints and indexes the model needs, idempotent (IF NOT EXISTS). Labels come from the
 * model's own lists; nothing here is built from user input.
 */
export const SCHEMA_STATEMENTS: readonly string[] = [
  `CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:${ENTITY_LABEL}) REQUIRE n.id IS UNIQUE`,
  // Relationship ids are unique per type, so a seed or import can MERGE on them.
  ...RELATIONSHIP_TYPES.map(
    (type) =>
      `CREATE CONSTRAINT rel_${type.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`,
  ),
  ...ENTITY_KINDS.map((kind) => `CREATE INDEX ${kind.toLowerCase()}_name IF NOT EXISTS FOR (n:${kind}) ON (n.name)`),
  `CREATE FULLTEXT INDEX ${FULLTEXT_INDEXES.latin} IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON EACH [n.name, n.aliases]
   OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding', \`fulltext.eventually_consistent\`: false } }`,
  // Same properties in another order: Neo4j treats an index on the same schema as a duplicate and
  // IF NOT EXISTS would silently skip it.
  `CREATE FULLTEXT INDEX ${FULLTEXT_INDEXES.cjk} IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON EACH [n.aliases, n.name]
   OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk', \`fulltext.eventually_consistent\`: false } }`,
];
