/** A non-2xx answer: the status and the route (the path without ids or query) say what kind it was. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly route: string,
  ) {
    super(message);
  }
}

/** What went wrong, as one short line to count errors by: "GET /api/search → 503", "fetch failed: ECONNRESET". */
export function errorKind(error: unknown): string {
  if (error instanceof ApiError) return `${error.route} → ${error.status}`;
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: unknown } }).cause;
    return typeof cause?.code === 'string' ? `${error.message}: ${cause.code}` : error.message.slice(0, 120);
  }
  return String(error).slice(0, 120);
}

/** A tiny client of the running API: throws on any non-2xx answer, and always reads the whole body. */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  private async check(response: Response, what: string): Promise<ArrayBuffer> {
    const body = await response.arrayBuffer();
    if (!response.ok) {
      const text = new TextDecoder().decode(body.slice(0, 300));
      const route = what.replace(/\?.*$/, '').replace(/\/entities\/[^/]+/, '/entities/:id');
      throw new ApiError(`${what} → ${response.status}: ${text}`, response.status, route);
    }
    return body;
  }

  async get(pathAndQuery: string): Promise<ArrayBuffer> {
    return this.check(await fetch(this.baseUrl + pathAndQuery), `GET ${pathAndQuery}`);
  }

  async getJson<T>(pathAndQuery: string): Promise<T> {
    return JSON.parse(new TextDecoder().decode(await this.get(pathAndQuery))) as T;
  }

  async post(path: string, body: unknown): Promise<ArrayBuffer> {
    const response = await fetch(this.baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return this.check(response, `POST ${path}`);
  }
}

export const query = (params: Record<string, string | number>): string =>
  new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
