import { describe, expect, it } from "vitest";
import { cleanFileName, maxFileNameLength } from "./attachment-file-name";

describe("cleanFileName", () => {
  it("keeps a plain name as it is, accents and spaces included", () => {
    expect(cleanFileName("Atestado médico 2026.pdf", "pdf")).toBe("Atestado médico 2026.pdf");
  });

  it("keeps only the last path segment, of either separator", () => {
    expect(cleanFileName("C:\\fakepath\\rg-frente.jpg", "jpg")).toBe("rg-frente.jpg");
    expect(cleanFileName("../../../etc/passwd", "pdf")).toBe("passwd");
    expect(cleanFileName("/var/data/x.png", "png")).toBe("x.png");
  });

  it("removes control characters and the bidirectional overrides that disguise an extension", () => {
    expect(cleanFileName("nota\u0000\u001b[31m.pdf", "pdf")).toBe("nota[31m.pdf");
    expect(cleanFileName("fatura\u202Efdp.exe", "pdf")).toBe("faturafdp.exe");
  });

  it("replaces the characters Windows refuses, and leading or trailing dots and spaces", () => {
    expect(cleanFileName('a<b>c:d"e|f?g*.pdf', "pdf")).toBe("a_b_c_d_e_f_g_.pdf");
    expect(cleanFileName(" ..hidden.png. ", "png")).toBe("hidden.png");
  });

  it("names a file with nothing left after cleaning by its type", () => {
    expect(cleanFileName("", "pdf")).toBe("attachment.pdf");
    expect(cleanFileName("../..", "png")).toBe("attachment.png");
    expect(cleanFileName("\u202E", "webp")).toBe("attachment.webp");
  });

  it(`shortens a long name to ${maxFileNameLength} characters, keeping its extension and whole characters`, () => {
    const long = `${"ç".repeat(200)}.jpeg`;
    const cleaned = cleanFileName(long, "jpg");
    expect(Array.from(cleaned)).toHaveLength(maxFileNameLength);
    expect(cleaned.endsWith("ç.jpeg")).toBe(true);
    const emoji = cleanFileName(`${"📄".repeat(150)}`, "pdf");
    expect(Array.from(emoji)).toHaveLength(maxFileNameLength);
    expect(emoji).toBe("📄".repeat(maxFileNameLength));
  });
});
