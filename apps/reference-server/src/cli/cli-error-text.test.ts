import { TesseraError } from "@tessera/core";
import { describe, expect, it } from "vitest";
import { cliErrorText } from "./cli-error-text";

describe("cliErrorText", () => {
  it("prints a TesseraError's message, then one line per issue naming its path, and no stack", () => {
    const error = new TesseraError("configuration_invalid", "createTessera: two problems.", {
      details: {
        issues: [
          { path: ["gateways", 0], code: "invalid_port", message: "missing parseWebhook" },
          { path: ["storage"], code: "invalid_port", message: "missing close" },
        ],
      },
    });
    expect(cliErrorText(error)).toBe(
      [error.message, "details:", "  gateways.0: missing parseWebhook", "  storage: missing close", ""].join(
        "\n",
      ),
    );
  });

  it("names an issue without a path as the configuration as a whole", () => {
    const error = new TesseraError("configuration_invalid", "No options.", {
      details: { issues: [{ path: [], code: "required", message: "options are required" }] },
    });
    expect(cliErrorText(error)).toContain("\n  (the configuration as a whole): options are required\n");
  });

  it("prints the message alone when the details hold no issues", () => {
    const error = new TesseraError("storage_failure", "The database file is read-only.", {
      details: { origin: "sqlite" },
    });
    expect(cliErrorText(error)).toBe(`${error.message}\n`);
  });

  it("prints anything else with its stack: it is a bug to report", () => {
    const bug = new RangeError("index out of range");
    expect(cliErrorText(bug)).toBe(`${bug.stack}\n`);
    expect(cliErrorText("thrown text")).toBe("thrown text\n");
  });
});
