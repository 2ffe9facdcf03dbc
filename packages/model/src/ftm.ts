import type { EntityKind } from './entities.ts';
import type { RelationshipType } from './relationships.ts';

/**
 * How the model maps to FollowTheMoney (https://followthemoney.tech), in one table for both ways:
 * the export writes these schemata and properties, the import reads them back (inverted).
 */

/** FtM schema of each kind; kinds not listed have no FtM counterpart. */
export const FTM_NODE_SCHEMA: Partial<Record<EntityKind, string>> = {
  Company: 'Company',
  PublicSecurityBody: 'PublicBody',
  GovernmentBody: 'PublicBody',
  Person: 'Person',
  Procurement: 'Contract',
  Source: 'Document',
  Event: 'Event',
};

/** FtM schema of each relationship type and the properties its ends fill; BUYER folds into the Contract. */
export const FTM_EDGE_SCHEMA: Partial<
  Record<RelationshipType, { schema: string; start: string; end: string; fixed?: Record<string, string> }>
> = {
  OWNS: { schema: 'Ownership', start: 'owner', end: 'asset' },
  INVESTED_IN: { schema: 'Ownership', start: 'owner', end: 'asset', fixed: { ownershipType: 'investment' } },
  ACQUIRED: { schema: 'Ownership', start: 'owner', end: 'asset', fixed: { ownershipType: 'acquisition' } },
  SUBSIDIARY_OF: { schema: 'Ownership', start: 'asset', end: 'owner', fixed: { ownershipType: 'subsidiary' } },
  PART_OF: { schema: 'Membership', start: 'member', end: 'organization' },
  DISTRIBUTES_FOR: { schema: 'Representation', start: 'agent', end: 'client', fixed: { role: 'distributor or agent' } },
  SUPPLIED: { schema: 'UnknownLink', start: 'subject', end: 'object', fixed: { role: 'supplied' } },
  COOPERATES_WITH: { schema: 'UnknownLink', start: 'subject', end: 'object', fixed: { role: 'works with' } },
  SUPPLIER: { schema: 'ContractAward', start: 'contract', end: 'supplier' },
  LISTED_ON: { schema: 'Sanction', start: 'entity', end: 'authority' },
};

/** Our entity property → FtM property, for the ones with a close counterpart. */
export const FTM_NODE_PROPERTY: Readonly<Record<string, string>> = {
  aliases: 'alias',
  country: 'country',
  description: 'description',
  sector: 'sector',
  headquarters: 'address',
  registryIds: 'registrationNumber',
  title: 'position',
  publisher: 'publisher',
  url: 'sourceUrl',
  quote: 'summary',
  date: 'date',
  location: 'location',
  items: 'description',
  amount: 'amount',
  currency: 'currency',
  periodStart: 'startDate',
  periodEnd: 'endDate',
};

/** The note the export gives invented (synthetic) data; the import refuses such entities (never mixed with real). */
export const FTM_SYNTHETIC_NOTE = 'SYNTHETIC: fictional demonstration data';

/** Properties without a counterpart: exported into FtM `notes` as "key: value", so nothing is lost silently. */
export const FTM_NOTE_PROPERTIES: readonly string[] = [
  'level',
  'region',
  'jurisdiction',
  'roles',
  'productLine',
  'periodNote',
  'quantity',
  'reliabilityNote',
  'memberCount',
];
