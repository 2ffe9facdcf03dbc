/** What one request may hold. Over a limit, the answer names it (400, 413, 414 or 431). */
export const REQUEST_LIMITS = {
  /** A JSON body's nesting; deeper bodies are refused before validation, whose recursion they could overflow. */
  maxJsonDepth: 64,
  /** A body's bytes, unless a route allows more (the import's file). */
  maxBodyBytes: 1024 * 1024,
  /** The request line's path and query (a canvas travels in the fragment, which is never sent). */
  maxUrlLength: 8192,
  /** All header lines together, the request line included (Node's default, said here). */
  maxHeaderBytes: 16 * 1024,
  /** One path parameter: entity ids have up to 128 characters. */
  maxParamLength: 256,
} as const;

export const describeBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / 1024 / 1024} MiB`
    : bytes >= 1024 && bytes % 1024 === 0
      ? `${bytes / 1024} KiB`
      : `${bytes} bytes`;
