import type { FastifyInstance } from 'fastify';

export interface ExportResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  bytes: Buffer;
  text: string;
}

/** POST /api/export through app.inject. */
export async function postExport(app: FastifyInstance, body: unknown): Promise<ExportResponse> {
  const response = await app.inject({ method: 'POST', url: '/api/export', payload: body as object });
  return { status: response.statusCode, headers: response.headers, bytes: response.rawPayload, text: response.body };
}
