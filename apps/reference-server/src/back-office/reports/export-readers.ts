import ExcelJS from "exceljs";

/**
 * The tests' readers of the exported files, each by an independent path: an RFC 4180 parser
 * written here for CSV, exceljs reading the workbook back, pdfjs (Mozilla's renderer)
 * extracting the PDF's text — never the writers agreeing with themselves.
 */

/** Rows of fields of an RFC 4180 text (quoted fields, doubled quotes, CRLF), the BOM left in `bom`. */
export function parseCsv(text: string): { bom: boolean; rows: string[][] } {
  const bom = text.startsWith("\uFEFF");
  const body = bom ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && body[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += char;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return { bom, rows };
}

/** The first sheet's rows, each cell's value as exceljs reads it (numbers, dates, strings). */
export async function readXlsx(
  bytes: Uint8Array,
): Promise<{ name: string; rows: unknown[][]; formats: string[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("the workbook has no sheet");
  const rows: unknown[][] = [];
  const formats: string[][] = [];
  sheet.eachRow((row) => {
    const values = row.values as unknown[];
    rows.push(values.slice(1));
    const rowFormats: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      rowFormats.push(cell.numFmt ?? "");
    });
    formats.push(rowFormats);
  });
  return { name: sheet.name, rows, formats };
}

/** The PDF's text, page by page, whitespace (and the no-break spaces money uses) as single spaces. */
export async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const text = content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
    pages.push(text.replace(/\s+/g, " ").trim());
  }
  await document.destroy();
  return pages;
}
