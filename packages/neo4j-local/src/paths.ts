import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** packages/neo4j-local */
export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
/** The Maven project holding the Java launcher. */
export const JAVA_DIR = path.join(PACKAGE_DIR, 'java');
export const TARGET_DIR = path.join(JAVA_DIR, 'target');
/** The launcher's own classes (Maven's finalName). A jar, not target/classes: Java's class-data
 * sharing archives classes from jars only. */
export const LAUNCHER_JAR = path.join(TARGET_DIR, 'neo4j-local.jar');
/** Runtime dependencies copied by maven-dependency-plugin (thin classpath, no shaded jar). */
export const LIB_DIR = path.join(TARGET_DIR, 'lib');
/** The classpath of every JVM started here (the launcher and neo4j-admin). */
export const CLASSPATH = [LAUNCHER_JAR, path.join(LIB_DIR, '*')].join(path.delimiter);
/** Java's class-data sharing archive of the classes a start loads; see class-archive.ts. */
export const CLASS_ARCHIVE = path.join(TARGET_DIR, 'neo4j-local.jsa');
/** apoc-core again, as Neo4j's plugin directory: its procedure loader scans the jars found there. */
export const PLUGINS_DIR = path.join(TARGET_DIR, 'plugins');
/** Default data folder: <repo>/.data/neo4j (git-ignored), independent of the current directory. */
export const DEFAULT_DATA_DIR = path.resolve(PACKAGE_DIR, '..', '..', '.data', 'neo4j');
