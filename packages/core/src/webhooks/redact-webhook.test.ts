import { describe, expect, it } from "vitest";
import { redactWebhook } from "./redact-webhook";

const pagolivre = { secretQueryParameters: ["token"], secretHeaders: ["x-cielo-secret"] };

describe("redactWebhook", () => {
  it("redacts PagoLivre's token in the query and keeps the rest of the URL", () => {
    expect(
      redactWebhook(pagolivre, "https://studio.example/webhooks/pagolivre?token=s3cr3t&unit=centro", {}).url,
    ).toBe("https://studio.example/webhooks/pagolivre?token=[redacted]&unit=centro");
  });

  it("redacts a relative URL and secret headers", () => {
    const kept = redactWebhook(pagolivre, "/webhooks/x?token=abc", {
      "x-cielo-secret": "k",
      "content-type": "json",
    });
    expect(kept).toEqual({
      url: "/webhooks/x?token=[redacted]",
      headers: { "x-cielo-secret": "[redacted]", "content-type": "json" },
    });
  });

  it("keeps a URL without secrets as it came", () => {
    expect(redactWebhook(pagolivre, "https://psp.example/webhooks/pix/pix", {}).url).toBe(
      "https://psp.example/webhooks/pix/pix",
    );
    expect(redactWebhook(null, null, {}).url).toBeNull();
  });
});
