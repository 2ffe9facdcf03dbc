import { isLoopbackHost } from '../../config.ts';

/** Who the server is: loopback under any name and port, and the origin it is published at, if any. */
export interface OwnOrigin {
  publicOrigin: string | null;
}

/** The host name of a Host header value (`name`, `name:port`, `[v6]:port`), lower-cased, or null. */
function hostName(host: string): string | null {
  if (!URL.canParse(`http://${host}`)) return null;
  const url = new URL(`http://${host}`);
  // A Host header is a host and a port only: no user, path or anything else (the URL drops a ":80").
  const lower = host.toLowerCase();
  if (url.host !== lower && `${url.host}:80` !== lower) return null;
  return url.hostname;
}

/**
 * Whether a Host header names this server. Anything else is refused, so that a page on another
 * name that resolves to this machine (DNS rebinding) cannot talk to the API as if it were its own.
 */
export function isOwnHost(host: string | undefined, own: OwnOrigin): boolean {
  if (host === undefined) return false;
  const name = hostName(host);
  if (name === null) return false;
  if (isLoopbackHost(name)) return true;
  if (own.publicOrigin === null) return false;
  const published = new URL(own.publicOrigin);
  const lower = host.toLowerCase();
  // A proxy may pass the public name with or without the scheme's default port.
  return lower === published.host || lower === `${published.hostname}:${published.port || defaultPort(published)}`;
}

const defaultPort = (url: URL) => (url.protocol === 'https:' ? '443' : '80');

/**
 * Whether an Origin header is the server's own: the public origin, or a loopback origin with the
 * very host (and port) the request was sent to. `null` (sandboxed or opaque origins) is never own.
 */
export function isOwnOrigin(origin: string, host: string | undefined, own: OwnOrigin): boolean {
  if (own.publicOrigin !== null && origin === own.publicOrigin) return true;
  if (!URL.canParse(origin) || host === undefined) return false;
  const url = new URL(origin);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return isLoopbackHost(url.hostname) && url.host === host.toLowerCase();
}
