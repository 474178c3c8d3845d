import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  type CieloAbecsColumn,
  cieloAbecsColumns,
  cieloAbecsReturnCodes,
  cieloDeclineOf,
  cieloOtherReturnCodes,
  isCieloApproval,
  normalizeCieloReturnCode,
} from "./return-codes";

const sandbox = (brand: string | null = "Visa") => ({ environment: "sandbox" as const, brand });
const production = (brand: string | null) => ({ environment: "production" as const, brand });

describe("Cielo return codes", () => {
  it("reads sandbox 57 as an expired card, production Visa and Elo 57 as not permitted (do not retry), production Mastercard 57 as reversible", () => {
    expect(cieloDeclineOf("57", sandbox())).toEqual({
      code: "expired_card",
      retryable: false,
      reason: "Cartão Expirado",
    });
    for (const brand of ["Visa", "Elo"]) {
      expect(cieloDeclineOf("57", production(brand))).toMatchObject({
        code: "card_not_supported",
        retryable: false,
      });
    }
    expect(cieloDeclineOf("57", production("Visa")).reason).toBe("TRANSAÇÃO NÃO PERMITIDA PARA O CARTÃO");
    expect(cieloDeclineOf("57", production("Master"))).toMatchObject({
      code: "card_not_supported",
      retryable: true,
    });
  });

  it("ignores leading zeros and case: 05 is 5, n7 is N7, 01 is 1", () => {
    expect(cieloDeclineOf("05", production("Visa"))).toEqual(cieloDeclineOf("5", production("Visa")));
    expect(cieloDeclineOf("05", production("Visa"))).toMatchObject({ code: "do_not_honor", retryable: true });
    expect(cieloDeclineOf("n7", production("Visa"))).toEqual(cieloDeclineOf("N7", production("Visa")));
    expect(cieloDeclineOf("n7", production("Visa")).code).toBe("incorrect_cvc");
    expect(cieloDeclineOf("01", production("Master"))).toMatchObject({
      code: "invalid_card",
      retryable: false,
    });
    expect(cieloDeclineOf(" 051 ", production("Elo")).code).toBe("insufficient_funds");
    expect(normalizeCieloReturnCode("00")).toBe("0");
    expect(normalizeCieloReturnCode("bp  171")).toBe("BP 171");
  });

  it("reads Amex's own three-digit codes and Cielo's two-character de/para for them alike", () => {
    expect(cieloDeclineOf("116", production("Amex"))).toEqual({
      code: "insufficient_funds",
      retryable: true,
      reason: "SALDO/LIMITE INSUFICIENTE",
    });
    expect(cieloDeclineOf("A5", production("Amex"))).toEqual(cieloDeclineOf("116", production("Amex")));
    expect(cieloDeclineOf("117", production("Amex")).code).toBe("incorrect_cvc");
    expect(cieloDeclineOf("101", production("Amex")).code).toBe("expired_card");
    expect(cieloDeclineOf("BV", production("amex")).code).toBe("expired_card");
    expect(cieloDeclineOf("912", production("Amex"))).toMatchObject({
      code: "processing_error",
      retryable: true,
    });
    // 200 is also lost, stolen and confirmed fraud: the first row, never retried.
    expect(cieloDeclineOf("200", production("Amex"))).toMatchObject({
      code: "card_not_supported",
      retryable: false,
    });
    // Amex's codes are Amex's: Visa has no 116.
    expect(cieloDeclineOf("116", production("Visa")).code).toBe("other");
  });

  it("reads an unknown code as other, not retryable, with the code in its reason", () => {
    expect(cieloDeclineOf("ZZ9", production("Visa"))).toEqual({
      code: "other",
      retryable: false,
      reason: "código de retorno ZZ9 desconhecido",
    });
    expect(cieloDeclineOf("ZZ9", sandbox()).code).toBe("other");
  });

  it("reads the sandbox's own codes only in sandbox", () => {
    expect(cieloDeclineOf("05", sandbox())).toMatchObject({ code: "do_not_honor", retryable: true });
    expect(cieloDeclineOf("78", sandbox())).toMatchObject({
      code: "card_declined",
      reason: "Cartão Bloqueado",
    });
    expect(cieloDeclineOf("77", sandbox())).toMatchObject({ code: "card_declined", retryable: false });
    expect(cieloDeclineOf("70", sandbox())).toMatchObject({ code: "card_declined", retryable: false });
    expect(cieloDeclineOf("99", sandbox(null))).toEqual({
      code: "processing_error",
      retryable: true,
      reason: "Time Out",
    });
    // In production 70 is Cielo's own "limite excedido/sem saldo", retried from the next day.
    expect(cieloDeclineOf("70", production("Visa"))).toMatchObject({
      code: "insufficient_funds",
      retryable: true,
    });
    // And 77 is Elo's irreversible "conta origem inválida".
    expect(cieloDeclineOf("77", production("Elo"))).toMatchObject({ code: "invalid_card", retryable: false });
  });

  it("reads a code the sandbox table lacks in sandbox as production does", () => {
    expect(cieloDeclineOf("51", sandbox("Visa"))).toEqual(cieloDeclineOf("51", production("Visa")));
    expect(cieloDeclineOf("116", sandbox("Amex")).code).toBe("insufficient_funds");
  });

  it("reads Hipercard and Hiper with the Mastercard/Hiper column, and a brand without a column, or none, with Visa's", () => {
    // 12: Elo's card error, Visa's format error, Mastercard/Hiper's invalid installment.
    expect(cieloDeclineOf("12", production("Elo")).code).toBe("invalid_card");
    expect(cieloDeclineOf("12", production("Visa")).code).toBe("processing_error");
    for (const brand of ["Master", "Hipercard", "Hiper", "MASTER", "mastercard"]) {
      expect(cieloDeclineOf("12", production(brand)).code).toBe("invalid_amount");
    }
    for (const brand of ["Aura", "JCB", "Diners", "Discover", "Cabal", null]) {
      expect(cieloDeclineOf("12", production(brand))).toEqual(cieloDeclineOf("12", production("Visa")));
    }
  });

  it("reads a cell several rows share as its first row's code, with every reason, retryable only if all are reversible", () => {
    // Elo 62: a reversible temporary block and an irreversible domestic-only card.
    expect(cieloDeclineOf("62", production("Elo"))).toEqual({
      code: "card_declined",
      retryable: false,
      reason: "BLOQUEIO TEMPORÁRIO (EX: INADIMPLÊNCIA) ou CARTÃO DOMÉSTICO - TRANSAÇÃO INTERNACIONAL",
    });
    // Visa 62: the same two rows, both reversible for Visa.
    expect(cieloDeclineOf("62", production("Visa"))).toMatchObject({
      code: "card_declined",
      retryable: true,
    });
    // Amex FD: a reversible "not permitted" and the irreversible lost, stolen and fraud rows.
    expect(cieloDeclineOf("FD", production("Amex"))).toMatchObject({
      code: "card_not_supported",
      retryable: false,
    });
    // The two insufficient-funds rows share 51 with one reason, written once.
    expect(cieloDeclineOf("51", production("Master")).reason).toBe("SALDO/LIMITE INSUFICIENTE");
  });

  it("reads the brand's ABECS column before Cielo's own codes", () => {
    // Visa 6P is ABECS "FALHA VALIDAÇÃO DE ID", irreversible; Cielo's own 6P ("dados inválidos") may be retried.
    expect(cieloDeclineOf("6P", production("Visa"))).toEqual({
      code: "authentication_required",
      retryable: false,
      reason: "FALHA VALIDAÇÃO DE ID",
    });
    expect(cieloDeclineOf("6p", production("Master"))).toEqual({
      code: "invalid_card",
      retryable: true,
      reason: "Transação não autorizada. Dados Inválidos",
    });
    // Elo/Visa 82 is an invalid card (cryptogram); Cielo's 82 is Mastercard's "ligue para o emissor".
    expect(cieloDeclineOf("82", production("Visa")).code).toBe("invalid_card");
    expect(cieloDeclineOf("82", production("Master")).code).toBe("do_not_honor");
  });

  it("makes Cielo's own codes retryable when their rule allows a later attempt, never for 'Não' or no rule", () => {
    expect(cieloDeclineOf("60", production("Visa")).retryable).toBe(true);
    expect(cieloDeclineOf("NR", production("Visa")).retryable).toBe(true);
    expect(cieloDeclineOf("BP 900", production("Visa"))).toMatchObject({
      code: "processing_error",
      retryable: true,
    });
    expect(cieloDeclineOf("bp   171", production(null))).toMatchObject({
      code: "suspected_fraud",
      retryable: true,
    });
    expect(cieloDeclineOf("BP 176", production("Visa")).retryable).toBe(false);
    expect(cieloDeclineOf("2", production("Visa"))).toMatchObject({
      code: "suspected_fraud",
      retryable: false,
    });
    expect(cieloDeclineOf("AI", production("Visa")).code).toBe("authentication_required");
  });

  it("leaves out the codes no authorization declines with: approvals and cancellations", () => {
    for (const code of ["9", "FF", "21", "72", "475"]) {
      expect(cieloDeclineOf(code, production("Master")).code).toBe("other");
    }
  });

  it("hands every caller its own decline", () => {
    const first = cieloDeclineOf("05", sandbox());
    first.code = "other";
    expect(cieloDeclineOf("05", sandbox()).code).toBe("do_not_honor");
  });

  it("counts 4, 6, 0, 00 and 11 as approvals, without leading zeros, and nothing else", () => {
    for (const code of ["4", "04", "6", "0", "00", "11", " 6 "]) expect(isCieloApproval(code)).toBe(true);
    for (const code of ["5", "05", "57", "99", "FF", "9", ""]) expect(isCieloApproval(code)).toBe(false);
  });
});

const declineCodesPath = "/work/shared/reference/gateways/cielo/decline-codes.json";
const missing = !existsSync(declineCodesPath);
const noCell = (cell: string) => cell === "-" || cell === "SEM CÓDIGO CORRESPONDENTE";

const declineCodesFile = z.object({
  abecs: z.array(
    z.object({
      reason: z.string(),
      type: z.enum(["reversible", "irreversible"]),
      elo: z.string(),
      visa: z.string(),
      mastercardHiper: z.string(),
      amex: z.string(),
      amexCieloMapping: z.string(),
    }),
  ),
  otherReturnCodes: z.array(z.object({ code: z.string(), definition: z.string(), retryAllowed: z.string() })),
});

function readDeclineCodes() {
  return declineCodesFile.parse(JSON.parse(readFileSync(declineCodesPath, "utf8")));
}

/** The brands read with each column, and which columns form one brand's set of codes. */
const columnBrands: Readonly<Record<CieloAbecsColumn, { brands: readonly string[]; group: string }>> = {
  elo: { brands: ["Elo"], group: "elo" },
  visa: { brands: ["Visa"], group: "visa" },
  mastercardHiper: { brands: ["Master", "Hipercard", "Hiper"], group: "mastercardHiper" },
  amex: { brands: ["Amex"], group: "amex" },
  amexCieloMapping: { brands: ["Amex"], group: "amex" },
};

// The reference compiled from Cielo's page is outside the repository; where it is absent the
// transcription cannot be compared with it, and only these tests are skipped.
describe(`Cielo return codes against ${declineCodesPath}, each test skipped where the file is absent`, () => {
  it.skipIf(missing)("transcribes the ABECS table row by row", () => {
    const { abecs } = readDeclineCodes();
    expect(cieloAbecsReturnCodes.map(({ code: _code, ...row }) => row)).toEqual(
      abecs.map((row) => ({
        reason: row.reason,
        reversible: row.type === "reversible",
        ...Object.fromEntries(
          cieloAbecsColumns.map((column) => [column, noCell(row[column]) ? "-" : row[column]]),
        ),
      })),
    );
  });

  it.skipIf(missing)(
    "maps every ABECS row for every brand column it has a code in, with the row's reversible flag",
    () => {
      const { abecs } = readDeclineCodes();
      // The rows each brand's code stands for, in the page's order (a cell can be shared).
      const rowsByCode = new Map<string, number[]>();
      const cells = abecs.flatMap((row, index) =>
        cieloAbecsColumns.flatMap((column) =>
          noCell(row[column])
            ? []
            : row[column]
                .split(" ou ")
                .map((cell) => ({ index, column, code: normalizeCieloReturnCode(cell) })),
        ),
      );
      for (const { index, column, code } of cells) {
        const key = `${columnBrands[column].group} ${code}`;
        rowsByCode.set(key, [...(rowsByCode.get(key) ?? []), index]);
      }
      for (const { index, column, code } of cells) {
        const row = abecs[index];
        const sharing = rowsByCode.get(`${columnBrands[column].group} ${code}`) ?? [];
        const first = cieloAbecsReturnCodes[sharing[0] ?? -1];
        for (const brand of columnBrands[column].brands) {
          const decline = cieloDeclineOf(code, production(brand));
          const where = `${row?.reason} (${column} ${code}, ${brand})`;
          expect(decline.code, where).not.toBe("other");
          expect(decline.code, where).toBe(first?.code);
          expect(decline.reason.split(" ou "), where).toContain(row?.reason);
          // A shared cell is retried only if every row it stands for is reversible.
          const reversible = sharing.every((shared) => abecs[shared]?.type === "reversible");
          expect(decline.retryable, where).toBe(reversible);
          if (sharing.length === 1) expect(decline.retryable, where).toBe(row?.type === "reversible");
        }
      }
    },
  );

  it.skipIf(missing)(
    "maps every other ReturnCode an authorization can decline with, with its retry rule",
    () => {
      const { otherReturnCodes } = readDeclineCodes();
      const leftOut = ["0", "11", "9", "21", "72", "475", "FF"];
      const declines = otherReturnCodes.filter((row) => !leftOut.includes(row.code));
      expect(cieloOtherReturnCodes.map((row) => row.returnCode)).toEqual(declines.map((row) => row.code));
      for (const row of declines) {
        // Mastercard/Hiper's ABECS column shares no code with Cielo's own.
        const decline = cieloDeclineOf(row.code, production("Master"));
        expect(decline.code, row.code).not.toBe("other");
        expect(decline.reason, row.code).toBe(row.definition.replace("C79:J79 ", ""));
        expect(decline.retryable, row.code).toBe(!/^(não\.?|—)$/i.test(row.retryAllowed.trim()));
      }
      for (const code of ["0", "11"]) expect(isCieloApproval(code)).toBe(true);
    },
  );
});
