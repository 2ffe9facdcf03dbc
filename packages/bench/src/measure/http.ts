/** A tiny client of the running API: throws on any non-2xx answer, and always reads the whole body. */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  private async check(response: Response, what: string): Promise<ArrayBuffer> {
    const body = await response.arrayBuffer();
    if (!response.ok) {
      const text = new TextDecoder().decode(body.slice(0, 300));
      throw new Error(`${what} → ${response.status}: ${text}`);
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
