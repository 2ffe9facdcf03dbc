// docker cannot run on our machines, so the deployment files are checked by reading them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigError, loadConfig } from '../apps/api/src/config.ts';
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

  it("opts in to listening beyond loopback only where compose publishes the port on the host's loopback", () => {
    expect(app?.environment?.['HOST']).toBe('0.0.0.0');
    expect(app?.environment?.['ALLOW_UNAUTHENTICATED_NETWORK']).toBe('true');
    expect(app?.ports?.[0]).toBe('${APP_BIND:-127.0.0.1}:8080:8080');
    // The image alone does not opt in: `docker run -p 8080:8080` would publish it on every interface.
    expect(readFileSync('Dockerfile', 'utf8')).not.toMatch(/^ENV .*ALLOW_UNAUTHENTICATED_NETWORK/m);
  });

  it('gives the app a configuration it starts with, passing PUBLIC_ORIGIN through from .env', () => {
    expect(app?.environment?.['PUBLIC_ORIGIN']).toBe('${PUBLIC_ORIGIN:-}');
    // Compose's substitution with .env.example's values: ${X:-default} and ${X:?message}.
    const env = Object.fromEntries(
      Object.entries(app?.environment ?? {}).map(([name, value]) => [
        name,
        value.replace(/\$\{(\w+):([-?])([^}]*)\}/g, (_all, variable: string, operator: string, fallback: string) =>
          variable === 'NEO4J_PASSWORD' ? 'change-me-please' : operator === '-' ? fallback : '',
        ),
      ]),
    );
    const config = loadConfig(env);
    expect(config).toMatchObject({ host: '0.0.0.0', port: 8080, publicOrigin: null });
    expect(() => loadConfig({ ...env, ALLOW_UNAUTHENTICATED_NETWORK: '' })).toThrow(ConfigError);
    expect(loadConfig({ ...env, PUBLIC_ORIGIN: 'https://explorer.example.org' }).publicOrigin).toBe(
      'https://explorer.example.org',
    );
  });

  it('has a Dockerfile that builds the web app and starts the API', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toMatch(/npm run build -w @explorer\/web/);
    expect(dockerfile).toMatch(/CMD .*apps\/api\/src\/main\.ts/);
  });
});
