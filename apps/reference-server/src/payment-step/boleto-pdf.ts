import {
  type CalendarDate,
  formatMoney,
  isCalendarDate,
  isConsistentBoleto,
  type Money,
  type TaxDocument,
} from "@tessera/core";
import {
  fill,
  PDFDocument,
  type PDFFont,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  StandardFonts,
  setFillingRgbColor,
} from "pdf-lib";
import { boletoBarcodeBars, febrabanBarcode } from "./boleto-barcode";
import { formatDigitableLine } from "./digitable-line";

/** What a boleto's PDF prints. */
export interface BoletoDocument {
  /** Who receives the money (the beneficiário): the studio's name. */
  beneficiary: string;
  /** Who pays (the pagador), with their CPF or CNPJ as a bank prints it. */
  payer: { name: string; document: TaxDocument | null };
  /** In reais: a boleto is BRL only. */
  amount: Money;
  dueDate: CalendarDate;
  /** The 47 digits, unpunctuated; printed in its five fields. */
  digitableLine: string;
  /** The 44 digits the bars encode. */
  barcode: string;
  /** What is paid for (the charge's description); null prints none. */
  description: string | null;
  /** Prints "SANDBOX — not a real boleto" across the top: a sandbox boleto's bank 999 exists nowhere. */
  sandbox: boolean;
}

/** A4 portrait, in points. */
const pageSize: [number, number] = [595.28, 841.89];
const mmToPt = 72 / 25.4;
const margin = 15 * mmToPt;
const black = rgb(0, 0, 0);
const grey = rgb(0.35, 0.35, 0.35);

/**
 * A one-page A4 boleto (the payer's part of FEBRABAN's layout): the bank and the digitable
 * line on top, beneficiary and due date, payer and amount, what it pays for, the digitable
 * line again in large type for typing, and the Interleaved 2 of 5 barcode drawn as filled
 * rectangles at FEBRABAN's size (13 mm tall, 0.254 mm narrow module, 1:3) — the same bars
 * `boletoBarcodeSvg` shows (`boletoBarcodeBars`). Labels are in Portuguese, as every bank
 * prints them whatever the payer's language. Text goes in Helvetica (WinAnsi), so a
 * character it cannot write is printed without its accent, or as `?`. Throws a `TypeError` when the line and the
 * barcode are not one boleto (`isConsistentBoleto`), the amount is not BRL, or the due date
 * is not `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * const bytes = await boletoPdf({ beneficiary: "Estúdio Aurora", payer, amount, dueDate, digitableLine, barcode, description: null, sandbox: true });
 * return new Response(bytes, { headers: { "content-type": "application/pdf" } });
 * ```
 */
export async function boletoPdf(boleto: BoletoDocument): Promise<Uint8Array<ArrayBuffer>> {
  const line = formatDigitableLine(boleto.digitableLine);
  const { bars } = boletoBarcodeBars(boleto.barcode);
  if (!isConsistentBoleto(boleto.digitableLine, boleto.barcode)) {
    throw new TypeError("The digitable line and the barcode are not the same boleto.");
  }
  if (boleto.amount.currency !== "BRL") throw new TypeError("A boleto is paid in reais (BRL).");
  if (!isCalendarDate(boleto.dueDate)) throw new TypeError("A boleto's due date is YYYY-MM-DD.");

  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(`Boleto ${line}`);
  pdf.setLanguage("pt-BR");
  pdf.setCreator("Tessera");
  pdf.setProducer("pdf-lib");
  const page = pdf.addPage(pageSize);
  const fonts: Fonts = {
    regular: writer(await pdf.embedFont(StandardFonts.Helvetica)),
    bold: writer(await pdf.embedFont(StandardFonts.HelveticaBold)),
    mono: writer(await pdf.embedFont(StandardFonts.CourierBold)),
  };
  const width = pageSize[0] - 2 * margin;
  let top = pageSize[1] - margin;

  if (boleto.sandbox) {
    const height = 34;
    page.drawRectangle({
      x: margin,
      y: top - height,
      width,
      height,
      color: rgb(1, 0.93, 0.9),
      borderColor: rgb(0.7, 0.1, 0.1),
      borderWidth: 1,
    });
    fonts.bold.draw(page, "SANDBOX — not a real boleto · não é um boleto real", {
      x: margin + 10,
      y: top - 15,
      size: 11,
      maxWidth: width - 20,
      color: rgb(0.6, 0.05, 0.05),
    });
    fonts.regular.draw(
      page,
      "Bank 999 does not exist: no bank will take this payment. Banco 999 não existe.",
      {
        x: margin + 10,
        y: top - 27,
        size: 8,
        maxWidth: width - 20,
        color: rgb(0.6, 0.05, 0.05),
      },
    );
    top -= height + 14;
  }

  // The header of a boleto: the bank's code, then the line (FEBRABAN's "ficha de compensação").
  fonts.bold.draw(page, `Banco ${boleto.barcode.slice(0, 3)}`, {
    x: margin,
    y: top - 16,
    size: 14,
    maxWidth: 120,
  });
  fonts.mono.draw(page, line, { x: margin + 130, y: top - 16, size: 11, maxWidth: width - 130 });
  top -= 24;
  hairline(page, margin, top, width);

  const dueColumn = 150;
  const document = boleto.payer.document === null ? null : formatTaxDocument(boleto.payer.document);
  const rows: [Field, Field][] = [
    [
      { label: "Beneficiário", value: boleto.beneficiary },
      { label: "Vencimento", value: formatCalendarDate(boleto.dueDate), bold: true },
    ],
    [
      {
        label: "Pagador",
        value: document === null ? boleto.payer.name : `${boleto.payer.name} — ${document}`,
      },
      // Intl writes "R$ 1.234,56" with a no-break space, which WinAnsi has.
      { label: "Valor do documento", value: formatMoney(boleto.amount, "pt-BR"), bold: true },
    ],
  ];
  for (const [left, right] of rows) {
    drawField(page, fonts, left, margin, top, width - dueColumn);
    drawField(page, fonts, right, margin + width - dueColumn, top, dueColumn);
    top -= fieldHeight;
  }
  if (boleto.description !== null && boleto.description.trim() !== "") {
    drawField(page, fonts, { label: "Descrição", value: boleto.description }, margin, top, width);
    top -= fieldHeight;
  }

  top -= 28;
  fonts.regular.draw(page, "Linha digitável", { x: margin, y: top, size: 8, maxWidth: width, color: grey });
  top -= 22;
  fonts.mono.draw(page, line, { x: margin, y: top, size: 15, maxWidth: width });

  top -= 30;
  const barHeight = febrabanBarcode.heightMm * mmToPt;
  drawBars(page, bars, {
    x: margin,
    y: top - barHeight,
    module: febrabanBarcode.narrowMm * mmToPt,
    height: barHeight,
  });
  top -= barHeight + 14;
  // A sandbox boleto is paid in the sandbox only (`sandbox.pay`, or by itself): no instruction to go to a bank.
  if (!boleto.sandbox) {
    fonts.regular.draw(
      page,
      "Pague em qualquer banco, lotérica ou app pela linha digitável ou pelo código de barras.",
      {
        x: margin,
        y: top,
        size: 8,
        maxWidth: width,
        color: grey,
      },
    );
  }

  // Object streams off: the file stays readable by the older tools payers' banks and printers use.
  // Copied into an ArrayBuffer of its own, which a Response body takes (pdf-lib types its bytes loosely).
  return new Uint8Array(await pdf.save({ useObjectStreams: false }));
}

interface Field {
  label: string;
  value: string;
  bold?: boolean;
}

const fieldHeight = 40;

function drawField(page: PDFPage, fonts: Fonts, field: Field, x: number, top: number, width: number): void {
  page.drawRectangle({
    x,
    y: top - fieldHeight,
    width,
    height: fieldHeight,
    borderColor: grey,
    borderWidth: 0.5,
  });
  fonts.regular.draw(page, field.label, {
    x: x + 6,
    y: top - 12,
    size: 7,
    maxWidth: width - 12,
    color: grey,
  });
  (field.bold ? fonts.bold : fonts.regular).draw(page, field.value, {
    x: x + 6,
    y: top - 30,
    size: 11,
    maxWidth: width - 12,
  });
}

function hairline(page: PDFPage, x: number, y: number, width: number): void {
  page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness: 1, color: black });
}

/** The bars as one path of rectangles filled once, black on the page's white. */
function drawBars(
  page: PDFPage,
  bars: readonly { x: number; width: number }[],
  at: { x: number; y: number; module: number; height: number },
): void {
  page.pushOperators(
    pushGraphicsState(),
    setFillingRgbColor(0, 0, 0),
    ...bars.map((bar) => rectangle(at.x + bar.x * at.module, at.y, bar.width * at.module, at.height)),
    fill(),
    popGraphicsState(),
  );
}

interface TextWriter {
  draw(
    page: PDFPage,
    text: string,
    options: { x: number; y: number; size: number; maxWidth: number; color?: ReturnType<typeof rgb> },
  ): void;
}

interface Fonts {
  regular: TextWriter;
  bold: TextWriter;
  mono: TextWriter;
}

/**
 * Draws text in a standard font: characters it cannot encode lose their accent or become
 * `?` (a name in another script must not make the PDF fail), and text too wide for its
 * box is made smaller, down to 7 pt, then cut with an ellipsis.
 */
function writer(font: PDFFont): TextWriter {
  const encodable = new Set(font.getCharacterSet());
  const printable = (text: string) =>
    Array.from(text.replace(/\s+/g, " ").trim(), (char) => {
      if (encodable.has(char.codePointAt(0)!)) return char;
      const base = char.normalize("NFD").replace(/\p{M}/gu, "");
      return base !== "" && [...base].every((c) => encodable.has(c.codePointAt(0)!)) ? base : "?";
    }).join("");
  return {
    draw(page, text, { x, y, size, maxWidth, color = black }) {
      let value = printable(text);
      let fitted = size;
      while (font.widthOfTextAtSize(value, fitted) > maxWidth && fitted > 7) fitted -= 0.5;
      while (font.widthOfTextAtSize(value, fitted) > maxWidth && value.length > 1) {
        value = `${value.slice(0, -2).trimEnd()}…`;
      }
      page.drawText(value, { x, y, size: fitted, font, color });
    },
  };
}

/** `2026-03-13` → `13/03/2026`, as Brazilian documents write a day. */
function formatCalendarDate(day: CalendarDate): string {
  const [year, month, date] = day.split("-");
  return `${date}/${month}/${year}`;
}

/** CPF `529.982.247-25`, CNPJ `11.222.333/0001-81`, a foreign id as given. */
function formatTaxDocument(document: TaxDocument): string {
  const v = document.value;
  switch (document.kind) {
    case "cpf":
      return `CPF ${v.slice(0, 3)}.${v.slice(3, 6)}.${v.slice(6, 9)}-${v.slice(9)}`;
    case "cnpj":
      return `CNPJ ${v.slice(0, 2)}.${v.slice(2, 5)}.${v.slice(5, 8)}/${v.slice(8, 12)}-${v.slice(12)}`;
    case "foreign":
      return document.country === undefined ? v : `${v} (${document.country})`;
  }
}
