/**
 * JSON that can sit inside a <script> element: `<`, `>` and `&` become \u escapes, so no value can
 * close the element (`</script>`) or open a comment (`<!--`), and U+2028/U+2029 are escaped for
 * older JavaScript parsers. JSON.parse reads the text back exactly.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Script text (a library) inlined as is, except the sequences that would end or confuse the element. */
export function scriptSafeSource(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
