import { strToU8, zipSync } from 'fflate';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A minimal real XLSX (what Excel needs to open it) around one worksheet's <sheetData> XML: the
 * workbook, its relationships, content types, shared strings and styles given as XML strings.
 * Styles: index 0 general, 1 built-in date format 14, 2 a custom "yyyy\-mm\-dd" format.
 */
export function buildXlsx(sheetData: string, sharedStrings: readonly string[], options: { date1904?: boolean } = {}) {
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
  <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
  <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
  <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${NS}" xmlns:r="${REL_NS}">
  <workbookPr${options.date1904 ? ' date1904="1"' : ''}/>
  <sheets><sheet name="采购记录" sheetId="1" r:id="rId7"/><sheet name="说明" sheetId="2" r:id="rId8"/></sheets>
</workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId8" Type="${REL_NS}/worksheet" Target="worksheets/sheet2.xml"/>
  <Relationship Id="rId7" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>
  <Relationship Id="rId9" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>
  <Relationship Id="rId10" Type="${REL_NS}/styles" Target="styles.xml"/>
</Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetData>${sheetData}</sheetData></worksheet>`,
    'xl/worksheets/sheet2.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>not this sheet</t></is></c></row></sheetData></worksheet>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="${NS}" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${sharedStrings.join('')}</sst>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS}">
  <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd;@"/></numFmts>
  <cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>
  <cellXfs count="3"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, xml]) => [name, strToU8(xml)])));
}

/** A shared string; several runs make rich text. */
export const si = (...runs: string[]) =>
  runs.length === 1
    ? `<si><t>${runs[0]}</t></si>`
    : `<si>${runs.map((r) => `<r><t xml:space="preserve">${r}</t></r>`).join('')}</si>`;

/**
 * The procurement fixture: Chinese headers (shared strings), a rich-text buyer with a phonetic
 * guide, inline strings, numbers, a boolean, dates as day numbers in a built-in and a custom date
 * format, a formula's cached text, a blank row 3, and a bad quantity on row 5.
 */
export function procurementXlsx(): Uint8Array {
  const strings = [
    si('采购人'),
    si('供应商'),
    si('数量'),
    si('金额'),
    si('日期'),
    // Rich text with a phonetic guide, as Excel writes it for East Asian text.
    '<si><r><t>新疆维吾尔自治区</t></r><r><rPr><b/></rPr><t>公安厅</t></r><rPh sb="0" eb="2"><t>しんきょう</t></rPh></si>',
    si('乌鲁木齐示例数码科技有限公司'),
    si('喀什地区公安局'),
    si('Seagate Technology LLC'),
    si('备注'),
  ];
  const sheet = `
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>产品名称</t></is></c><c r="D1" t="s"><v>2</v></c><c r="E1" t="s"><v>3</v></c><c r="F1" t="s"><v>4</v></c><c r="G1" t="inlineStr"><is><t>采购人级别</t></is></c><c r="H1" t="s"><v>9</v></c></row>
<row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="s"><v>6</v></c><c r="C2" t="inlineStr"><is><t>监控硬盘 8TB</t></is></c><c r="D2"><v>120</v></c><c r="E2"><v>1234500.5</v></c><c r="F2" s="1"><v>44621</v></c><c r="G2" t="inlineStr"><is><t>省级</t></is></c><c r="H2" t="b"><v>1</v></c></row>
<row r="4"><c r="A4" t="s"><v>7</v></c><c r="B4" t="s"><v>8</v></c><c r="C4" t="str"><f>"硬"&amp;"盘"</f><v>硬盘</v></c><c r="D4"><v>2</v></c><c r="F4" s="2"><v>44652</v></c></row>
<row r="5"><c r="A5" t="s"><v>7</v></c><c r="B5" t="s"><v>8</v></c><c r="C5" t="inlineStr"><is><t>硬盘</t></is></c><c r="D5"><v>-3</v></c></row>`;
  return buildXlsx(sheet, strings);
}
