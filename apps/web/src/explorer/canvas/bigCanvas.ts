/**
 * Above this many entities the canvas trades looks for speed: the force-directed layout keeps only
 * its fast spectral phase and ignores label sizes, and relationship labels are left off (hovering a
 * relationship still shows its type and dates). Measured with `npm run bench:canvas -w @explorer/web`.
 */
export const BIG_CANVAS_NODES = 600;

export const isBigCanvas = (nodeCount: number) => nodeCount > BIG_CANVAS_NODES;
