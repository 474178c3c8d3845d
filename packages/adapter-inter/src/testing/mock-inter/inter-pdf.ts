import type { InterCharge } from "./inter-books";

/**
 * A real, minimal PDF of a boleto (one page, Helvetica, the linha digitável as text), as
 * `GET /cobrancas/{id}/pdf` returns it base64 inside JSON: enough for a test to check it
 * opens as a PDF (`%PDF-`) and is this charge's boleto — not Inter's layout.
 */

/** PDF text strings escape backslashes and parentheses (ISO 32000-1 §7.3.4.2); ASCII only here. */
function pdfText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/([\\()])/g, "\\$1");
}

export function boletoPdf(charge: InterCharge, beneficiaryName: string): Buffer {
  const lines = [
    `Banco Inter 077 - Boleto ${charge.seuNumero}`,
    `Beneficiario: ${beneficiaryName}`,
    `Pagador: ${String(charge.pagador["nome"] ?? "")}`,
    `Vencimento: ${charge.dataVencimento}  Valor: R$ ${(charge.amount / 100).toFixed(2)}`,
    `Nosso numero: ${charge.boleto?.nossoNumero ?? ""}`,
    charge.boleto?.linhaDigitavel ?? "",
  ];
  const content = [
    "BT /F1 11 Tf 40 800 Td 16 TL",
    ...lines.map((line, index) => `${index === 0 ? "" : "T* "}(${pdfText(line)}) Tj`),
    "ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  // Each cross-reference entry is exactly 20 bytes: 10-digit offset, 5-digit generation, flag, EOL.
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}
