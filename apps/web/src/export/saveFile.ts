/** Hands a file to the browser's download, as a link with `download` would. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the object URL; keep it a moment for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `explorer_canvas_20261126T021500Z.png`: what and when, as the API names its files. */
export function pictureFileName(extension: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `explorer_canvas_${stamp}.${extension}`;
}
