import type { z } from 'zod';
import { badRequest } from './errors.ts';

/** Parses part of a request with a contract schema; a failure becomes a 400 naming the fields. */
export function parseRequest<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: 'query' | 'params' | 'body',
): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw badRequest(where, result.error);
  return result.data;
}
