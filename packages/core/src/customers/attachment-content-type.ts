/**
 * The file types an attachment may be, each recognised by its first bytes (its magic
 * number), so what is stored is what the bytes are, whatever the sender claimed. A type
 * Tessera cannot recognise this way cannot be allowed: an allow-list it could not enforce
 * would be a promise it breaks.
 */
export const checkableContentTypes = [
  "application/pdf",
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/gif",
  "image/heic",
] as const;
export type CheckableContentType = (typeof checkableContentTypes)[number];

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

function hasAt(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
  if (bytes.length < offset + expected.length) return false;
  return expected.every((byte, i) => bytes[offset + i] === byte);
}

/** ISO BMFF brands of HEIF images coded with HEVC (ISO/IEC 23008-12). */
const heicBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx"].map(ascii);

/** How each type begins, with the specification that says so. */
const signatures: Record<CheckableContentType, (bytes: Uint8Array) => boolean> = {
  // The header "%PDF-" (ISO 32000-1, 7.5.2). Readers tolerate junk before it; we do not.
  "application/pdf": (b) => hasAt(b, 0, ascii("%PDF-")),
  // Start-of-image FF D8, then the next marker's FF (ITU-T T.81, annex B).
  "image/jpeg": (b) => hasAt(b, 0, [0xff, 0xd8, 0xff]),
  // The eight-byte PNG signature (PNG specification, 5.2).
  "image/png": (b) => hasAt(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  // A RIFF container of form type "WEBP" (RFC 9649).
  "image/webp": (b) => hasAt(b, 0, ascii("RIFF")) && hasAt(b, 8, ascii("WEBP")),
  "image/gif": (b) => hasAt(b, 0, ascii("GIF87a")) || hasAt(b, 0, ascii("GIF89a")),
  // A first box "ftyp" whose major brand is a HEIC one: what iPhones save.
  "image/heic": (b) => hasAt(b, 4, ascii("ftyp")) && heicBrands.some((brand) => hasAt(b, 8, brand)),
};

/** The type the bytes are, or null when they are none Tessera recognises. */
export function detectContentType(bytes: Uint8Array): CheckableContentType | null {
  for (const type of checkableContentTypes) {
    if (signatures[type](bytes)) return type;
  }
  return null;
}

/** Names senders use for these types besides the registered one. */
const aliases: Record<string, CheckableContentType> = {
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "application/x-pdf": "application/pdf",
};

/**
 * The declared type, lower-cased, without parameters (`; charset=…`) and with aliases
 * resolved; null when the sender declared nothing useful — empty, or
 * `application/octet-stream`, which a browser sends for a file whose type it does not know.
 */
export function normalizeDeclaredType(declared: string): string | null {
  const type = declared.split(";")[0]!.trim().toLowerCase();
  if (type === "" || type === "application/octet-stream") return null;
  return aliases[type] ?? type;
}

/** The usual file-name extension of each type, for a name that had none left after cleaning. */
export const extensionOf: Record<CheckableContentType, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/gif": "gif",
  "image/heic": "heic",
};
