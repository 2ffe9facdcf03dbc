// docker cannot run on our machines, so the deployment files are checked by reading them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DATABASE_CALLABLE_ALLOWLIST } from '../packages/model/src/console.ts';

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const { neo4j, app } = compose.services;

describe('docker-compose.yml', () => {
  it('runs the same Neo4j 5.26 Community patch release as the embedded database, with APOC', () => {
    const pom = readFileSync('packages/neo4j-local/java/pom.xml', 'utf8');
    const embedded = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom)?.[1];
    expect(embedded).toMatch(/^5\.26\.\d+$/);
    expect(neo4j?.image).toBe(`neo4j:${embedded}-community`);
    expect(JSON.parse(neo4j?.environment?.['NEO4J_PLUGINS'] ?? '[]')).toContain('apoc');
  });

  it('loads only the allowlisted procedures, the same list as the embedded database', () => {
    const allowlist = neo4j?.environment?.['NEO4J_dbms_security_procedures_allowlist']?.split(',') ?? [];
    expect(allowlist.length).toBeGreaterThan(0);
    expect(allowlist).toEqual(DATABASE_CALLABLE_ALLOWLIST);
    // Named one by one: no namespace wildcard, so nothing added to APOC later loads unasked.
    for (const name of allowlist) expect(name).not.toMatch(/\*/);
  });

  it('takes the password from .env, never a literal', () => {
    expect(neo4j?.environment?.['NEO4J_AUTH']).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:\?/);
    expect(app?.environment?.['NEO4J_PASSWORD']).toMatch(/^\$\{NEO4J_PASSWORD:\?/);
  });

  it('keeps data in a named volume and checks health without curl', () => {
    expect(neo4j?.volumes).toContain('neo4j-data:/data');
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
    const check = neo4j?.healthcheck?.test.join(' ') ?? '';
    expect(check).toMatch(/wget|cypher-shell/);
    expect(check).not.toMatch(/curl/);
  });

  it('builds the app, starts it once Neo4j is healthy, and points it at the neo4j service', () => {
    expect(app?.build).toBe('.');
    expect(app?.depends_on?.['neo4j']?.condition).toBe('service_healthy');
    expect(app?.environment?.['NEO4J_URI']).toBe('bolt://neo4j:7687');
  });

  it("publishes only the app's port", () => {
    expect(neo4j?.ports).toBeUndefined();
    expect(app?.ports).toHaveLength(1);
    expect(app?.ports?.[0]).toMatch(/:8080:8080$/);
  });

  it('has a Dockerfile that builds the web app and starts the API', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toMatch(/npm run build -w @explorer\/web/);
    expect(dockerfile).toMatch(/CMD .*apps\/api\/src\/main\.ts/);
  });
});
