/**
 * Above this many entities the canvas trades looks for speed: the force-directed layout keeps only
 * its fast spectral phase and ignores label sizes, names show only on selected entities and found
 * paths (the entity list has them all), relationships are straight and unlabelled (hovering one still
 * shows its type and dates). Measured with `npm run bench:canvas -w @explorer/web` (README: Explorer).
 */
export const BIG_CANVAS_NODES = 600;

export const isBigCanvas = (nodeCount: number) => nodeCount > BIG_CANVAS_NODES;
