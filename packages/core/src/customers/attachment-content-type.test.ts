import { describe, expect, it } from "vitest";
import { checkableContentTypes, detectContentType, normalizeDeclaredType } from "./attachment-content-type";

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
const file = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? ascii(part) : part)));

/** The first bytes of a real file of each type, then some body. */
const samples = {
  "application/pdf": file("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"),
  "image/jpeg": file([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], "JFIF\0"),
  "image/png": file([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR"),
  "image/webp": file("RIFF", [0x24, 0x08, 0, 0], "WEBPVP8 "),
  "image/gif": file("GIF89a", [1, 0, 1, 0]),
  "image/heic": file([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0], "mif1heic"),
} as const;

describe("detectContentType", () => {
  it("recognises each checkable type by its first bytes", () => {
    for (const type of checkableContentTypes) expect(detectContentType(samples[type])).toBe(type);
  });

  it("recognises nothing else: an executable, a ZIP, HTML, a WAV (RIFF, not WebP), an AVIF (ftyp, not HEIC)", () => {
    for (const other of [
      file("MZ", [0x90, 0, 3, 0]),
      file("PK", [3, 4, 20, 0]),
      file("<!DOCTYPE html><p>%PDF-"),
      file("RIFF", [0x24, 0x08, 0, 0], "WAVEfmt "),
      file([0, 0, 0, 0x1c], "ftypavif", [0, 0, 0, 0], "mif1avif"),
      file(" %PDF-1.7"),
    ]) {
      expect(detectContentType(other)).toBeNull();
    }
  });

  it("recognises nothing in a file cut short inside its signature", () => {
    expect(detectContentType(file([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(detectContentType(file("RIFF", [0, 0, 0, 0], "WEB"))).toBeNull();
    expect(detectContentType(new Uint8Array())).toBeNull();
  });
});

describe("normalizeDeclaredType", () => {
  it("lower-cases, drops parameters and resolves the usual aliases", () => {
    expect(normalizeDeclaredType(" Application/PDF; name=x.pdf")).toBe("application/pdf");
    expect(normalizeDeclaredType("image/jpg")).toBe("image/jpeg");
    expect(normalizeDeclaredType("image/pjpeg")).toBe("image/jpeg");
    expect(normalizeDeclaredType("text/html")).toBe("text/html");
  });

  it("treats an empty type and application/octet-stream as nothing declared", () => {
    expect(normalizeDeclaredType("")).toBeNull();
    expect(normalizeDeclaredType("application/octet-stream")).toBeNull();
  });
});
