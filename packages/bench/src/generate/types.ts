import type { TECHNOLOGY_AREAS } from '@explorer/model';

export type TechnologyArea = (typeof TECHNOLOGY_AREAS)[number];
