import { PROCUREMENT_COLUMNS, type ProcurementColumn } from '@explorer/model';
import { hash, Random, streamFor } from './random.ts';
import { type TechnologyArea } from './types.ts';
import {
  CN_COMPANY_FORMS,
  CN_INDUSTRIES,
  CN_SYLLABLES,
  PRODUCT_TYPES,
  TRANSLITERATION,
  US_NAME_HEADS,
  US_NAME_TAILS,
  US_SECTORS,
} from './words.ts';

/**
 * A synthetic procurement file in the import template (PROCUREMENT_COLUMNS), for the import benchmark.
 * Deterministic: the same rows and seed give the same bytes. Buyers are a public-security hierarchy
 * (provincial departments, prefecture and county bureaus) named in Chinese or English; suppliers are
 * Chinese firms, manufacturers US firms, each written in several forms that the import's name
 * normalisation must bring together (北京…有限公司 / …股份有限公司, "Co., Ltd." / "Co Ltd", upper case,
 * full-width), and a few hundred buyers and some thousands of firms recur over the rows, as they do in
 * real announcements. Places and brands have three syllables, where the bench graph's have two, so no
 * row names an entity of the generated graph (two generated entities with one name would make the
 * row ambiguous, which the import refuses). Every announcement title says SYNTHETIC.
 */

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function threeSyllables(random: Random): { zh: string; pinyin: string } {
  const parts = [random.pick(CN_SYLLABLES), random.pick(CN_SYLLABLES), random.pick(CN_SYLLABLES)];
  return { zh: parts.map((p) => p[0]).join(''), pinyin: capitalise(parts.map((p) => p[1]).join('')) };
}

interface Buyer {
  zh: string;
  en: string;
  level: string;
  region: string;
}

interface Firm {
  /** Ways the same firm is written in different announcements. */
  forms: string[];
}

interface Manufacturer extends Firm {
  area: TechnologyArea;
  products: string[];
}

const LEVEL_WORDS: Record<'provincial' | 'prefecture' | 'county', string[]> = {
  provincial: ['provincial', '省级'],
  prefecture: ['prefecture', '市级'],
  county: ['county', '县级'],
};

/** 30 provinces, 8 prefectures each, 5 counties each: 1,470 buyers. */
function buyers(seed: number): Buyer[] {
  const random = new Random(hash(seed, 0xb0));
  const list: Buyer[] = [];
  for (let p = 0; p < 30; p++) {
    const province = threeSyllables(random);
    const region = `${province.pinyin} Province`;
    list.push({
      zh: `${province.zh}省公安厅`,
      en: `${province.pinyin} Provincial Public Security Department`,
      level: 'provincial',
      region,
    });
    for (let c = 0; c < 8; c++) {
      const city = threeSyllables(random);
      list.push({
        zh: `${city.zh}市公安局`,
        en: `${city.pinyin} Municipal Public Security Bureau`,
        level: 'prefecture',
        region,
      });
      for (let k = 0; k < 5; k++) {
        const county = threeSyllables(random);
        list.push({
          zh: `${county.zh}县公安局`,
          en: `${county.pinyin} County Public Security Bureau`,
          level: 'county',
          region,
        });
      }
    }
  }
  return list;
}

/** Chinese distributors and integrators, each in its Chinese, English and variant forms. */
function suppliers(seed: number, count: number): Firm[] {
  return Array.from({ length: count }, (_, i) => {
    const random = streamFor(seed, 0xc1, i);
    const city = threeSyllables(random);
    const brand = threeSyllables(random);
    const [industryZh, industryEn] = random.pick(CN_INDUSTRIES);
    const [formZh] = random.pick(CN_COMPANY_FORMS);
    const zh = `${city.zh}${brand.zh}${industryZh}`;
    const en = `${city.pinyin} ${brand.pinyin} ${industryEn}`;
    return {
      forms: [
        `${zh}${formZh}`,
        `${zh}有限公司`,
        `${en} Co., Ltd.`,
        `${en} Co Ltd`,
        `${en.toUpperCase()} CO., LTD.`,
        // Full-width letters, as pasted from some announcements: NFKC folds them.
        `${en.replace(/[A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))} Co., Ltd.`,
      ],
    };
  });
}

/** US manufacturers ("… Laboratories Inc.", a form the bench graph never uses) with their products. */
function manufacturers(seed: number, count: number): Manufacturer[] {
  return Array.from({ length: count }, (_, i) => {
    const random = streamFor(seed, 0xd2, i);
    const brand = random.pick(US_NAME_HEADS) + random.pick(US_NAME_TAILS);
    const [sector, sectorZh, area] = random.pick(US_SECTORS);
    const brandZh = Array.from({ length: random.between(2, 4) }, () => random.pick(TRANSLITERATION)).join('');
    const en = `${brand} ${sector} Laboratories`;
    const types = PRODUCT_TYPES[area];
    const products = Array.from({ length: random.between(2, 6) }, () => {
      const [type, typeZh] = random.pick(types);
      const model = `${brand.slice(0, 2).toUpperCase()}-${random.between(100, 9999)}`;
      return random.chance(0.7) ? `${brand} ${type} ${model}` : `${brandZh}${typeZh} ${model}`;
    });
    return {
      forms: [`${en} Inc.`, `${en}, Inc.`, `${en.toUpperCase()} INC`, `${brandZh}${sectorZh}实验室公司`],
      area,
      products,
    };
  });
}

/** 1234567.5 → "1,234,567.50" (toLocaleString is far slower, and the file is large). */
function grouped(value: number, decimals: number): string {
  const [whole = '', fraction] = value.toFixed(decimals).split('.');
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? withCommas : `${withCommas}.${fraction}`;
}

/** A CSV cell, quoted when it holds a delimiter, a quote or a line break (RFC 4180). */
function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function amount(random: Random, value: number): { amount: string; currency: string } {
  const currency = random.pick(['', 'CNY', '元', '人民币', 'RMB', 'USD']);
  const text = random.chance(0.5) ? grouped(value, 2) : value.toFixed(random.chance(0.5) ? 0 : 2);
  return { amount: text, currency };
}

export interface ProcurementCsv {
  fileName: string;
  bytes: Uint8Array;
  rows: number;
  /** Distinct buyers, suppliers and manufacturers the rows name (each in several written forms). */
  buyers: number;
  suppliers: number;
  manufacturers: number;
}

/**
 * `rows` procurement rows, grouped in announcements of 1–5 items (one source URL each). Suppliers and
 * manufacturers are drawn heavy-tailed, so a few recur in thousands of rows and most in a handful.
 */
export function procurementCsv(rows: number, seed = 42): ProcurementCsv {
  const buyerList = buyers(seed);
  const supplierList = suppliers(seed, Math.max(20, Math.round(rows / 25)));
  const manufacturerList = manufacturers(seed, Math.max(10, Math.round(rows / 250)));
  const lines: string[] = [PROCUREMENT_COLUMNS.join(',')];
  const random = new Random(hash(seed, 0xe3, rows));
  let written = 0;
  for (let notice = 0; written < rows; notice++) {
    const buyer = buyerList[random.skewed(buyerList.length, 0.3)] ?? buyerList[0];
    const supplier = supplierList[random.skewed(supplierList.length)] ?? supplierList[0];
    if (!buyer || !supplier) throw new Error('empty pools');
    const buyerName = random.chance(0.8) ? buyer.zh : buyer.en;
    const supplierName = random.pick(supplier.forms);
    const year = random.between(2015, 2024);
    const month = String(random.between(1, 12)).padStart(2, '0');
    const day = String(random.between(1, 28)).padStart(2, '0');
    const date = random.chance(0.85) ? `${year}-${month}-${day}` : `${year}-${month}`;
    const url = `https://ccgp.example.gov.cn/synthetic/${year}/${notice}.html`;
    const title = `SYNTHETIC ${buyer.zh}设备采购项目中标公告 (${notice})`;
    const items = Math.min(rows - written, random.between(1, 5));
    for (let item = 0; item < items; item++, written++) {
      const manufacturer = manufacturerList[random.skewed(manufacturerList.length)] ?? manufacturerList[0];
      if (!manufacturer) throw new Error('empty pools');
      const quantity = random.chance(0.05) ? random.between(1000, 20_000) : random.between(1, 400);
      const money = amount(random, quantity * random.between(800, 250_000));
      const values: Partial<Record<ProcurementColumn, string>> = {
        buyer: buyerName,
        buyer_level: random.chance(0.7) ? random.pick(LEVEL_WORDS[buyer.level as keyof typeof LEVEL_WORDS]) : '',
        buyer_region: random.chance(0.6) ? buyer.region : '',
        supplier: supplierName,
        manufacturer: random.chance(0.9) ? random.pick(manufacturer.forms) : '',
        product: random.pick(manufacturer.products),
        category: random.chance(0.8) ? manufacturer.area : '',
        quantity: grouped(quantity, 0),
        amount: money.amount,
        currency: money.currency,
        date,
        source_url: url,
        source_title: title,
        quote: `采购人：${buyer.zh}，中标供应商：${supplierName}，数量 ${quantity}。`,
      };
      lines.push(PROCUREMENT_COLUMNS.map((c) => cell(values[c] ?? '')).join(','));
    }
  }
  return {
    fileName: `synthetic-procurements-${rows}-seed-${seed}.csv`,
    bytes: new TextEncoder().encode(`${lines.join('\r\n')}\r\n`),
    rows,
    buyers: buyerList.length,
    suppliers: supplierList.length,
    manufacturers: manufacturerList.length,
  };
}
