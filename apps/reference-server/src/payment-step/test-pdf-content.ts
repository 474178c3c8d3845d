import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from "pdf-lib";

/** WinAnsi bytes as text: Latin-1, plus the few punctuation marks it puts at 0x80–0x9F. */
const winAnsiExtras: Record<number, string> = { 133: "…", 149: "•", 150: "–", 151: "—" };

/**
 * A PDF's first page, parsed back for tests through pdf-lib's reader rather than its
 * writer: the strings it shows (`<hex> Tj`, as pdf-lib writes standard-font text, decoded
 * from WinAnsi) and the rectangles it appends (`x y w h re`).
 */
export async function pdfPageContent(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes);
  const page = pdf.getPage(0);
  const contents = page.node.Contents();
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref)) : [contents];
  const operators = streams
    .map((stream) => {
      if (!(stream instanceof PDFRawStream)) throw new Error("a content stream pdf-lib did not read as raw");
      return Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
    })
    .join("\n");
  const texts = [...operators.matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map(([, hex]) =>
    Array.from(
      Buffer.from(hex ?? "", "hex"),
      (byte) => winAnsiExtras[byte] ?? String.fromCharCode(byte),
    ).join(""),
  );
  const rectangles = [...operators.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re\b/g)].map(
    (m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      width: Number(m[3]),
      height: Number(m[4]),
    }),
  );
  return { pdf, page, texts, rectangles };
}
