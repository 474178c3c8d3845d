import { describe, expect, it } from "vitest";
import { type PixChargeView, pixChargeExpiresAt, pixChargeResult, refundStatusOf } from "./mapping";

const brl = (amount: number) => ({ amount, currency: "BRL" });
const cob: PixChargeView = {
  txid: "tsr01JABCDEFGHJKMNPQRSTVWXYZ",
  kind: "cob",
  status: "ATIVA",
  createdAt: "2026-12-01T12:00:00.000Z",
  expiresInSeconds: 3600,
  dueDate: null,
  payableDaysAfterDue: null,
  amount: brl(19990),
  pixCopiaECola: "00020101021226…",
  pix: [],
};

describe("API Pix charges as core's payment results", () => {
  it("keeps an ATIVA cob pending, with its BR Code, until creation plus expiracao", () => {
    expect(pixChargeResult(cob, "2026-12-01T12:59:59.999Z")).toMatchObject({
      status: "pending",
      rawStatus: "ATIVA",
      providerReference: cob.txid,
      action: { type: "pix", qrCodePayload: cob.pixCopiaECola, expiresAt: "2026-12-01T13:00:00.000Z" },
    });
  });

  it("reads a cob still ATIVA after its expiry as expired: the PSP never says so", () => {
    expect(pixChargeResult(cob, "2026-12-01T13:00:00.000Z")).toMatchObject({
      status: "canceled",
      reason: "expired",
    });
  });

  it("takes the spec's default of 86400 seconds when a cob carries no expiracao", () => {
    expect(pixChargeExpiresAt({ ...cob, expiresInSeconds: null })).toBe("2026-12-02T12:00:00.000Z");
  });

  it("lets a cobv be paid to the end of its due date plus validadeAposVencimento days, Brasília time", () => {
    const cobv: PixChargeView = { ...cob, kind: "cobv", dueDate: "2026-12-10", payableDaysAfterDue: 2 };
    expect(pixChargeExpiresAt(cobv)).toBe("2026-12-13T03:00:00.000Z");
    expect(pixChargeExpiresAt({ ...cobv, payableDaysAfterDue: null })).toBe("2027-01-10T03:00:00.000Z");
    expect(pixChargeResult(cobv, "2026-12-13T02:59:59.000Z").status).toBe("pending");
    expect(pixChargeResult(cobv, "2026-12-13T03:00:00.000Z").status).toBe("canceled");
  });

  it("reads CONCLUIDA as paid when the first Pix came in, counting only refunds the PSP made", () => {
    const paid: PixChargeView = {
      ...cob,
      status: "CONCLUIDA",
      pix: [
        {
          endToEndId: "E12345678202612011200abcdefghijk",
          amount: brl(19990),
          paidAt: "2026-12-01T12:10:00.000Z",
          refunds: [
            { id: "rfd1", rtrId: "D1", amount: brl(1000), status: "DEVOLVIDO" },
            { id: "rfd2", rtrId: "D2", amount: brl(500), status: "EM_PROCESSAMENTO" },
            { id: "rfd3", rtrId: null, amount: brl(700), status: "NAO_REALIZADO" },
          ],
        },
      ],
    };
    // Paid stays paid past the cob's expiry: CONCLUIDA is final.
    expect(pixChargeResult(paid, "2026-12-05T00:00:00.000Z")).toEqual({
      status: "succeeded",
      providerReference: cob.txid,
      rawStatus: "CONCLUIDA",
      amount: brl(19990),
      refundedAmount: brl(1000),
      card: null,
      paidAt: "2026-12-01T12:10:00.000Z",
    });
  });

  it("tells a charge we removed from one the PSP removed", () => {
    const at = "2026-12-01T12:30:00.000Z";
    expect(pixChargeResult({ ...cob, status: "REMOVIDA_PELO_USUARIO_RECEBEDOR" }, at)).toMatchObject({
      status: "canceled",
      reason: "by_us",
    });
    expect(pixChargeResult({ ...cob, status: "REMOVIDA_PELO_PSP" }, at)).toMatchObject({
      status: "canceled",
      reason: "by_provider",
    });
  });

  it("maps devolução statuses onto refund statuses", () => {
    expect(["EM_PROCESSAMENTO", "DEVOLVIDO", "NAO_REALIZADO"].map((s) => refundStatusOf(s as never))).toEqual(
      ["pending", "succeeded", "failed"],
    );
  });
});
