import type { WebhookCapabilities } from "../ports/gateway";

const redacted = "[redacted]";

/**
 * The URL and headers of a notification as the inbox may keep them: the values of the
 * gateway's secret query parameters and headers replaced, so a token that authenticates a
 * provider (PagoLivre puts it in the query) is never written to the database or a log.
 */
export function redactWebhook(
  capabilities: Pick<WebhookCapabilities, "secretQueryParameters" | "secretHeaders"> | null,
  url: string | null,
  headers: Readonly<Record<string, string>>,
): { url: string | null; headers: Record<string, string> } {
  const secretHeaders = new Set((capabilities?.secretHeaders ?? []).map((h) => h.toLowerCase()));
  const keptHeaders = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, secretHeaders.has(name) ? redacted : value]),
  );
  if (url === null) return { url, headers: keptHeaders };
  const secrets = capabilities?.secretQueryParameters ?? [];
  let parsed: URL;
  try {
    parsed = new URL(url, "http://relative.invalid");
  } catch {
    // Unreadable as a URL: keep none of its query, which is where secrets would be.
    return { url: url.split("?")[0] ?? "", headers: keptHeaders };
  }
  for (const name of secrets) {
    if (parsed.searchParams.has(name)) parsed.searchParams.set(name, redacted);
  }
  const relative = parsed.origin === "http://relative.invalid";
  const text = relative ? `${parsed.pathname}${parsed.search}` : parsed.toString();
  return { url: text.replace(/%5Bredacted%5D/g, redacted), headers: keptHeaders };
}
