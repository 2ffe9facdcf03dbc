import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('defaults to the embedded database on 127.0.0.1:8080', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8080, neo4j: { mode: 'embedded', boltPort: 7687 } });
  });

  it('uses a server, including a neo4j:// cluster URI, when NEO4J_URI is set', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_PASSWORD: 'pw',
      NEO4J_DATABASE: 'graph',
    });
    expect(config.neo4j).toEqual({
      mode: 'remote',
      uri: 'neo4j+s://abc.databases.neo4j.io',
      user: 'neo4j',
      password: 'pw',
      database: 'graph',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NEO4J_URI: 'http://localhost:7474' }, 'NEO4J_URI'],
    [{ QUERY_TIMEOUT_MS: '-5' }, 'QUERY_TIMEOUT_MS'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ PUBLIC_ORIGIN: 'explorer.example.org' }, 'PUBLIC_ORIGIN'],
    [{ PUBLIC_ORIGIN: 'https://explorer.example.org/app' }, 'PUBLIC_ORIGIN'],
    [{ PUBLIC_ORIGIN: 'https://explorer.example.org/?x=1' }, 'PUBLIC_ORIGIN'],
    [{ PUBLIC_ORIGIN: 'https://user:pw@explorer.example.org' }, 'PUBLIC_ORIGIN'],
    [{ PUBLIC_ORIGIN: 'ftp://explorer.example.org' }, 'PUBLIC_ORIGIN'],
    [{ ALLOW_UNAUTHENTICATED_NETWORK: 'yes' }, 'ALLOW_UNAUTHENTICATED_NETWORK'],
  ])('refuses %o with a message naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(name));
  });

  it('takes the public origin as an origin, without a trailing slash; none by default', () => {
    expect(loadConfig({}).publicOrigin).toBeNull();
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://Explorer.example.org/' }).publicOrigin).toBe(
      'https://explorer.example.org',
    );
    expect(loadConfig({ PUBLIC_ORIGIN: 'http://10.0.0.5:8080' }).publicOrigin).toBe('http://10.0.0.5:8080');
  });

  it.each(['127.0.0.1', '127.0.0.2', 'localhost', '::1'])('listens on loopback %s', (host) => {
    expect(loadConfig({ HOST: host }).host).toBe(host);
  });

  it.each(['0.0.0.0', '::', '192.168.1.20', 'explorer.example.org'])(
    'refuses to listen on %s, saying why and how to opt in',
    (host) => {
      expect(() => loadConfig({ HOST: host })).toThrow(ConfigError);
      expect(() => loadConfig({ HOST: host })).toThrow(/HOST.*not a loopback address.*no login/s);
      expect(() => loadConfig({ HOST: host })).toThrow(/ALLOW_UNAUTHENTICATED_NETWORK=true/);
      expect(loadConfig({ HOST: host, ALLOW_UNAUTHENTICATED_NETWORK: 'true' }).host).toBe(host);
    },
  );
});
