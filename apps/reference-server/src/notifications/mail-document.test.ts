import { describe, expect, it } from "vitest";
import { type MailDocument, renderMailHtml, renderMailText } from "./mail-document";

const document: MailDocument = {
  locale: "pt-BR",
  subject: "Recibo <Mensal>",
  blocks: [
    { kind: "paragraph", text: "Olá, Ana <script>alert(1)</script>!" },
    { kind: "heading", text: "O que você pagou" },
    {
      kind: "facts",
      facts: [
        { label: "Mensal", value: "R$ 189,90" },
        { label: "Total pago", value: "R$ 189,90" },
      ],
    },
    { kind: "code", label: "Código de ativação", value: "K7RM-4QX9" },
    { kind: "link", label: "Boleto em PDF", url: "https://aurora.example/b.pdf?a=1&b=2" },
    { kind: "link", label: "Elsewhere", url: "javascript:alert(1)" },
  ],
};

describe("a mail document", () => {
  it("renders its text body as blocks between blank lines, facts as label: value, codes on a line of their own", () => {
    expect(renderMailText(document)).toBe(
      [
        "Olá, Ana <script>alert(1)</script>!",
        "",
        "O que você pagou",
        "----------------",
        "",
        "Mensal: R$ 189,90",
        "Total pago: R$ 189,90",
        "",
        "Código de ativação:",
        "K7RM-4QX9",
        "",
        "Boleto em PDF: https://aurora.example/b.pdf?a=1&b=2",
        "",
        "Elsewhere: javascript:alert(1)",
        "",
      ].join("\n"),
    );
  });

  it("escapes every value in its HTML body, and links only http(s) addresses", () => {
    const html = renderMailHtml(document);
    expect(html).toContain('<html lang="pt-BR">');
    expect(html).toContain("<title>Recibo &lt;Mensal&gt;</title>");
    expect(html).toContain("<p>Olá, Ana &lt;script&gt;alert(1)&lt;/script&gt;!</p>");
    expect(html).not.toContain("<script>");
    expect(html).toContain('<th scope="row"');
    expect(html).toContain('<a href="https://aurora.example/b.pdf?a=1&amp;b=2">Boleto em PDF</a>');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain("K7RM-4QX9</pre>");
  });
});
