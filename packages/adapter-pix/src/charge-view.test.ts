import { brCodeText, hasValidCrc, parseBrCode } from "@tessera/core";
import type { Cob } from "@tessera/pix-api";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chargeViewOf } from "./charge-view";

const words = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => brCodeText(s, 25).length > 0);
/** What PSPs answer in `loc.location`: a host and a path, at most 77 characters, sometimes with its scheme. */
const locations = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9]{1,20}(\.[a-z0-9]{1,12}){1,3}$/),
    fc.stringMatching(/^(\/[A-Za-z0-9._-]{1,20}){1,3}$/),
    fc.boolean(),
  )
  .filter(([host, path]) => host.length + path.length <= 77)
  .map(([host, path, scheme]) => ({
    bare: `${host}${path}`,
    given: `${scheme ? "https://" : ""}${host}${path}`,
  }));

function cobAt(location: string, pixCopiaECola?: string): Cob {
  return {
    txid: "tsr01JABCDEFGHJKMNPQRSTVWXYZ",
    calendario: { criacao: "2026-12-01T12:00:00Z", expiracao: 3600 },
    status: "ATIVA",
    valor: { original: "199.90" },
    chave: "123e4567-e12b-12d1-a456-426655440000",
    loc: { location },
    ...(pixCopiaECola === undefined ? {} : { pixCopiaECola }),
  };
}

describe("the BR Code of a charge whose PSP answers only its location", () => {
  it("parses back, through core's codec, to the location, name and city, dynamic, with a valid CRC", () => {
    fc.assert(
      fc.property(locations, words, words, (location, name, city) => {
        const view = chargeViewOf("cob", cobAt(location.given), { merchantName: name, merchantCity: city });
        const code = view?.pixCopiaECola ?? "";
        expect(hasValidCrc(code)).toBe(true);
        const parsed = parseBrCode(code);
        expect(parsed.valid).toBe(true);
        if (!parsed.valid) return;
        expect(parsed.brCode).toMatchObject({
          kind: "dynamic",
          location: location.bare,
          merchantName: brCodeText(name, 25),
          merchantCity: brCodeText(city, 15),
          amount: null,
        });
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the PSP's own pixCopiaECola when it answers one", () => {
    const view = chargeViewOf("cob", cobAt("pix.example.com/qr/v2/abc", "000201…PSP"), {
      merchantName: "Estudio",
      merchantCity: "SAO PAULO",
    });
    expect(view?.pixCopiaECola).toBe("000201…PSP");
    expect(view?.amount).toEqual({ amount: 19_990, currency: "BRL" });
  });
});
