import { z } from 'zod';
import { type PUBLIC_SECURITY_LEVELS, PublicSecurityLevelSchema } from './entities.ts';
import { PartialDateSchema, UrlSchema, textSchema } from './primitives.ts';
import { RegistryIdCellSchema } from './resolution.ts';

/**
 * The procurement-record template: one row per purchase, one column per field. Only buyer, supplier
 * and product are required; everything else is filled in when the record says it.
 */
export const PROCUREMENT_COLUMNS = [
  'buyer',
  'buyer_level',
  'buyer_region',
  'supplier',
  'manufacturer',
  'product',
  'category',
  'quantity',
  'amount',
  'currency',
  'date',
  'source_url',
  'source_title',
  'quote',
  // Registry identifiers (USCC, EIN, CIK…): they match exactly and outrank names (entity resolution).
  'buyer_registry_id',
  'supplier_registry_id',
  'manufacturer_registry_id',
] as const;
export type ProcurementColumn = (typeof PROCUREMENT_COLUMNS)[number];

export const REQUIRED_PROCUREMENT_COLUMNS: readonly ProcurementColumn[] = ['buyer', 'supplier', 'product'];

/**
 * Other headers meaning a template column, as found in Chinese procurement announcements and
 * spreadsheets. Keys are compared after `normaliseHeader`.
 */
export const PROCUREMENT_HEADER_ALIASES: Readonly<Record<string, ProcurementColumn>> = {
  采购人: 'buyer',
  采购单位: 'buyer',
  采购人名称: 'buyer',
  采购人级别: 'buyer_level',
  层级: 'buyer_level',
  级别: 'buyer_level',
  采购人地区: 'buyer_region',
  地区: 'buyer_region',
  行政区划: 'buyer_region',
  供应商: 'supplier',
  供应商名称: 'supplier',
  中标供应商: 'supplier',
  成交供应商: 'supplier',
  制造商: 'manufacturer',
  生产厂家: 'manufacturer',
  品牌: 'manufacturer',
  产品名称: 'product',
  货物名称: 'product',
  产品: 'product',
  类别: 'category',
  品目: 'category',
  数量: 'quantity',
  金额: 'amount',
  成交金额: 'amount',
  中标金额: 'amount',
  币种: 'currency',
  货币: 'currency',
  日期: 'date',
  成交日期: 'date',
  公告日期: 'date',
  来源: 'source_url',
  链接: 'source_url',
  来源链接: 'source_url',
  网址: 'source_url',
  来源标题: 'source_title',
  公告标题: 'source_title',
  标题: 'source_title',
  原文: 'quote',
  引文: 'quote',
  采购人统一社会信用代码: 'buyer_registry_id',
  采购单位统一社会信用代码: 'buyer_registry_id',
  统一社会信用代码: 'supplier_registry_id',
  供应商统一社会信用代码: 'supplier_registry_id',
  中标供应商统一社会信用代码: 'supplier_registry_id',
  制造商统一社会信用代码: 'manufacturer_registry_id',
  生产厂家统一社会信用代码: 'manufacturer_registry_id',
};

/** Header as compared: full/half width folded, trimmed, lower case, spaces and hyphens as `_`. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** The template column a header names, by its own name or an alias; undefined when unknown. */
export function procurementColumnFor(header: string): ProcurementColumn | undefined {
  const key = normaliseHeader(header);
  if ((PROCUREMENT_COLUMNS as readonly string[]).includes(key)) return key as ProcurementColumn;
  return PROCUREMENT_HEADER_ALIASES[key];
}

/** Chinese words for the administrative level of a public-security buyer. */
const LEVEL_ALIASES: Readonly<Record<string, (typeof PUBLIC_SECURITY_LEVELS)[number]>> = {
  部级: 'ministry',
  省级: 'provincial',
  市级: 'prefecture',
  地市级: 'prefecture',
  县级: 'county',
  区县级: 'county',
};

/** Currency words seen in Chinese records. */
const CURRENCY_ALIASES: Readonly<Record<string, string>> = { 元: 'CNY', 人民币: 'CNY', RMB: 'CNY' };

/** A number cell: thousands separators allowed ("1,234.5"); negative or non-numeric refused. */
const numberCell = z
  .string()
  .trim()
  .transform((raw, ctx) => {
    const s = raw.replace(/[,\s]/g, '');
    if (/^-\d/.test(s)) {
      ctx.addIssue({ code: 'custom', message: `must not be negative (got "${raw}")` });
      return z.NEVER;
    }
    if (!/^\d+(\.\d+)?$/.test(s)) {
      ctx.addIssue({ code: 'custom', message: `must be a number (got "${raw}")` });
      return z.NEVER;
    }
    return Number(s);
  });

/**
 * One procurement row, from cell text (empty cells absent). Dates are kept as precise as given:
 * YYYY, YYYY-MM or YYYY-MM-DD. An amount without a currency is in CNY (Chinese government
 * procurement is priced in yuan).
 */
export const ProcurementRowSchema = z
  .object({
    buyer: textSchema(500),
    buyer_level: z
      .string()
      .trim()
      .transform((s) => LEVEL_ALIASES[s] ?? s.toLowerCase())
      .pipe(PublicSecurityLevelSchema)
      .optional(),
    buyer_region: textSchema(200).optional(),
    supplier: textSchema(500),
    manufacturer: textSchema(500).optional(),
    product: textSchema(500),
    category: textSchema(200).optional(),
    quantity: numberCell.optional(),
    amount: numberCell.optional(),
    currency: z
      .string()
      .trim()
      .transform((s) => CURRENCY_ALIASES[s] ?? s.toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY or USD'))
      .optional(),
    date: z.string().trim().pipe(PartialDateSchema).optional(),
    source_url: z.string().trim().pipe(UrlSchema).optional(),
    source_title: textSchema(500).optional(),
    quote: textSchema(4000).optional(),
    buyer_registry_id: RegistryIdCellSchema.optional(),
    supplier_registry_id: RegistryIdCellSchema.optional(),
    manufacturer_registry_id: RegistryIdCellSchema.optional(),
  })
  .transform((row) => (row.amount !== undefined && row.currency === undefined ? { ...row, currency: 'CNY' } : row));
export type ProcurementRow = z.infer<typeof ProcurementRowSchema>;
