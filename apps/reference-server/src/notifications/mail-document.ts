import type { SupportedLocale } from "@tessera/core";

/** One label and its value ("Plano: Mensal"). */
export interface MailFact {
  label: string;
  value: string;
}

/**
 * A part of an e-mail's body. An e-mail is written once as blocks, then rendered as the
 * plain-text body (required: every client shows it) and a simple HTML body.
 */
export type MailBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "facts"; facts: MailFact[] }
  /** Text the reader copies whole (a PIX code, a digitable line): on a line of its own. */
  | { kind: "code"; label: string; value: string }
  | { kind: "link"; label: string; url: string };

/** An e-mail's subject and body, in one language. */
export interface MailDocument {
  locale: SupportedLocale;
  subject: string;
  blocks: MailBlock[];
}

/** One block as plain text. */
function blockText(block: MailBlock): string {
  switch (block.kind) {
    case "paragraph":
      return block.text;
    case "heading":
      return `${block.text}\n${"-".repeat(block.text.length)}`;
    case "facts":
      return block.facts.map((fact) => `${fact.label}: ${fact.value}`).join("\n");
    case "code":
      return `${block.label}:\n${block.value}`;
    case "link":
      return `${block.label}: ${block.url}`;
  }
}

/** The plain-text body: blocks separated by a blank line, facts as `Label: value`. */
export function renderMailText(document: MailDocument): string {
  return `${document.blocks.map(blockText).join("\n\n")}\n`;
}

const htmlEscapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEscapes[char]!);
}

/** One block as HTML, every value escaped. */
function blockHtml(block: MailBlock): string {
  switch (block.kind) {
    case "paragraph":
      return `<p>${escapeHtml(block.text)}</p>`;
    case "heading":
      return `<h2 style="font-size:1.1em">${escapeHtml(block.text)}</h2>`;
    case "facts": {
      const rows = block.facts.map(
        (fact) =>
          `<tr><th scope="row" style="text-align:left;padding:2px 12px 2px 0">${escapeHtml(fact.label)}</th><td style="padding:2px 0">${escapeHtml(fact.value)}</td></tr>`,
      );
      return `<table style="border-collapse:collapse">${rows.join("")}</table>`;
    }
    case "code":
      return `<p><strong>${escapeHtml(block.label)}</strong></p><pre style="white-space:pre-wrap;word-break:break-all;background:#f4f4f4;padding:8px">${escapeHtml(block.value)}</pre>`;
    case "link":
      return /^https?:\/\//i.test(block.url)
        ? `<p><a href="${escapeHtml(block.url)}">${escapeHtml(block.label)}</a></p>`
        : `<p>${escapeHtml(block.label)}: ${escapeHtml(block.url)}</p>`;
  }
}

/**
 * A simple HTML body of the same blocks: every value escaped, inline styles only (mail
 * clients drop style sheets), facts as a table with row headers, codes in a `<pre>` that
 * wraps so a long PIX code stays readable on a phone. Links are only http(s).
 */
export function renderMailHtml(document: MailDocument): string {
  const body = document.blocks.map(blockHtml).join("\n");
  return `<!doctype html>\n<html lang="${escapeHtml(document.locale)}"><head><meta charset="utf-8"><title>${escapeHtml(document.subject)}</title></head>\n<body style="font-family:sans-serif;line-height:1.4">\n${body}\n</body></html>\n`;
}
