import { TesseraError } from "@tessera/core";

/**
 * A report's page cursor: the key of the page's last row (`2026-03-02~ins_…`), base64url so
 * it fits a query string and reads as opaque. The report's order is its key's (due day then
 * installment; contract), so a page starts exactly after the last row shown, whatever was
 * added meanwhile.
 */
export function encodeReportCursor(parts: readonly string[]): string {
  return Buffer.from(parts.join("~"), "utf8").toString("base64url");
}

/** The key's parts, or a `validation_failed` on `cursor` for anything this server did not hand out. */
export function decodeReportCursor(cursor: string, count: number): string[] {
  const parts = /^[A-Za-z0-9_-]{1,200}$/.test(cursor)
    ? Buffer.from(cursor, "base64url").toString("utf8").split("~")
    : [];
  if (parts.length !== count || parts.some((part) => !/^[0-9A-Za-z_-]{1,64}$/.test(part))) {
    throw new TesseraError(
      "validation_failed",
      "Invalid report query: cursor: not one this server gave out.",
      {
        details: {
          issues: [
            {
              path: ["cursor"],
              code: "invalid_cursor",
              message: "must be the nextCursor of an earlier page",
            },
          ],
        },
      },
    );
  }
  return parts;
}
