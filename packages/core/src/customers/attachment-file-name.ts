/** The longest file name kept, in characters (code points), extension included. */
export const maxFileNameLength = 120;

/** The longest extension kept apart when a long name is shortened. */
const maxExtensionLength = 10;

/**
 * The sender's file name made safe to show and to offer back as a download name: only its
 * last path segment (old browsers send `C:\fakepath\atestado.pdf`; a hostile one sends
 * `../../x`), without control characters or bidirectional overrides (which make
 * `fdp.exe` read as `exe.pdf`), without characters Windows refuses in a name, without
 * leading dots (no hidden file, no `..`), and at most `maxFileNameLength` characters, its
 * extension kept. A name with nothing left becomes `attachment.<extension>`.
 *
 * @example
 * cleanFileName("C:\\fakepath\\Atestado médico.pdf", "pdf"); // "Atestado médico.pdf"
 * cleanFileName("../../", "png"); // "attachment.png"
 */
export function cleanFileName(raw: string, fallbackExtension: string): string {
  const lastSegment = raw.split(/[/\\]/).pop() ?? "";
  const cleaned = lastSegment
    .normalize("NFC")
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .replace(/^[.\s]+|[.\s]+$/g, "");
  if (cleaned === "") return `attachment.${fallbackExtension}`;
  return shorten(cleaned);
}

function shorten(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= maxFileNameLength) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length < 2 || extension.length > maxExtensionLength + 1) {
    return chars.slice(0, maxFileNameLength).join("").trimEnd();
  }
  const stem = Array.from(name.slice(0, dot)).slice(0, maxFileNameLength - extension.length);
  return stem.join("").trimEnd() + extension.join("");
}
