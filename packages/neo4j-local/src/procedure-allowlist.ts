/**
 * dbms.security.procedures.allowlist of the embedded database: the only extension procedures and
 * functions that load. What the app, its tests and the analysts' console call, by name: nothing that
 * writes (apoc.convert.setJsonProperty, apoc.create, apoc.refactor), reaches files or URLs
 * (apoc.load, apoc.export to files and by query), runs Cypher of its own (apoc.cypher, apoc.periodic)
 * or allocates without bound from a small argument (apoc.text.lpad, apoc.coll.combinations): memory
 * taken inside a function is not counted by Neo4j's transaction limits, and the JVM exits when its
 * heap runs out.
 */
export const DATABASE_PROCEDURE_ALLOWLIST: readonly string[] = [
  'apoc.version',
  'apoc.coll.sort',
  'apoc.coll.sum',
  'apoc.convert.toJson',
  'apoc.convert.fromJsonMap',
  'apoc.convert.fromJsonList',
  'apoc.convert.toList',
  'apoc.convert.toMap',
  'apoc.convert.toString',
  'apoc.convert.toBoolean',
  'apoc.convert.toInteger',
  'apoc.convert.toFloat',
  'apoc.map.sortedProperties',
  'apoc.path.expandConfig',
  'apoc.path.subgraphAll',
  'apoc.text.clean',
];
