import { JsonValueSchema, type JsonValue } from '@explorer/model';

/** The parameters box: a JSON object, or a message saying what is wrong. */
export function parseParams(
  text: string,
): { ok: true; value: Record<string, JsonValue> } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Parameters are not valid JSON: ${(error as Error).message}` };
  }
  const parsed = JsonValueSchema.safeParse(value);
  if (!parsed.success || parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    return { ok: false, error: 'Parameters must be a JSON object, e.g. {"id": "hikvision"}.' };
  }
  return { ok: true, value: parsed.data };
}
