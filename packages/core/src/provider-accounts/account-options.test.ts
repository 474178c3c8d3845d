import { describe, expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import { sandboxProvider } from "../sandbox/sandbox-provider";
import { maskedOptions, maskSecret, parseAccountOptions } from "./account-options";

describe("provider account options", () => {
  it("masks a secret of 12 characters or more to its last four, a shorter one entirely", () => {
    expect(maskSecret("whsec-0123456789abcd")).toBe("••••abcd");
    expect(maskSecret("123456789012")).toBe("••••9012");
    expect(maskSecret("12345678901")).toBe("••••");
    expect(maskSecret("")).toBe("••••");
  });

  it("shows plain settings as they are and never a secret in full", () => {
    const options = parseAccountOptions(
      sandboxProvider,
      { webhookSecret: "whsec-0123456789abcd", autoPaySeconds: 30 },
      null,
    );
    expect(maskedOptions(sandboxProvider, options)).toEqual({
      webhookSecret: "••••abcd",
      autoPaySeconds: 30,
      boletoIssue: "immediate",
      refuseCredentials: false,
      postNotifications: false,
      pixMerchantName: "Tessera Sandbox",
    });
  });

  it("keeps a stored secret left empty, and takes a new one typed", () => {
    const stored = { webhookSecret: "whsec-0123456789abcd" };
    expect(parseAccountOptions(sandboxProvider, { webhookSecret: "" }, stored).webhookSecret).toBe(
      stored.webhookSecret,
    );
    expect(parseAccountOptions(sandboxProvider, {}, stored).webhookSecret).toBe(stored.webhookSecret);
    expect(
      parseAccountOptions(sandboxProvider, { webhookSecret: "another-secret-456789" }, stored).webhookSecret,
    ).toBe("another-secret-456789");
  });

  it("names each refused setting under options.", () => {
    try {
      parseAccountOptions(
        sandboxProvider,
        { webhookSecret: "short", autoPaySeconds: -1, boletoIssue: "later" },
        null,
      );
      expect.unreachable();
    } catch (error) {
      if (!isTesseraError(error, "validation_failed")) throw error;
      expect(error.details.issues?.map((issue) => issue.path.join("."))).toEqual([
        "options.webhookSecret",
        "options.autoPaySeconds",
        "options.boletoIssue",
      ]);
      expect(error.message).not.toContain('short"');
    }
  });
});
