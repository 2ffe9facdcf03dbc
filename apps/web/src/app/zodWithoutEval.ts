import { z } from 'zod';

// The server's Content-Security-Policy forbids eval. Zod compiles its object parsers with
// `new Function` after probing whether it may; the blocked probe is reported as a CSP violation on
// every page load. Without the compiler, zod parses the same, a little slower.
z.config({ jitless: true });
