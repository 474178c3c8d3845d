import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { correctedApiPixSpec } from "./api-pix-errata";
import published from "./fixtures/api-pix-schemas.json" with { type: "json" };

/** A validator of `#/components/schemas/<name>` in `spec`. */
function schemaCheck(spec: { $id: string }, name: string) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(spec);
  const validate = ajv.getSchema(`${spec.$id}#/components/schemas/${name}`);
  if (validate === undefined) throw new Error(`no schema ${name}`);
  return (value: unknown) => validate(value) === true;
}

const corrected = correctedApiPixSpec(published);

describe("the errata applied to the published API Pix schemas", () => {
  it("lets a CPF through, which the published slashed pattern refuses", () => {
    const person = { cpf: "12345678909", nome: "Francisco da Silva" };
    expect(schemaCheck(published, "PessoaFisica")(person)).toBe(false);
    expect(schemaCheck(corrected, "PessoaFisica")(person)).toBe(true);
  });

  it("holds a txid to 26–35 alphanumerics, which the unanchored published pattern does not", () => {
    expect(schemaCheck(published, "TxId")("a".repeat(40))).toBe(true);
    expect(schemaCheck(corrected, "TxId")("a".repeat(40))).toBe(false);
    expect(schemaCheck(corrected, "TxId")("a".repeat(35))).toBe(true);
  });

  it("lets a received Pix carry a static code's short txid", () => {
    const pix = {
      endToEndId: "E12345678202009091221abcdef12345",
      txid: "loja1",
      valor: "1.00",
      horario: "2026-03-02T12:00:00Z",
    };
    expect(schemaCheck(published, "Pix")(pix)).toBe(false);
    expect(schemaCheck(corrected, "Pix")(pix)).toBe(true);
  });

  it("asks a cobv's recebedor, not the cobv itself, for an address", () => {
    const receiver = {
      recebedor: {
        cnpj: "11222333000181",
        nome: "Empresa",
        logradouro: "Rua A",
        cidade: "Recife",
        uf: "PE",
        cep: "50000000",
      },
    };
    expect(schemaCheck(published, "DadosRecebedor")(receiver)).toBe(false);
    expect(schemaCheck(corrected, "DadosRecebedor")(receiver)).toBe(true);
  });

  it("refuses a valor with three decimals, which the unanchored published pattern takes", () => {
    const devolucao = { valor: "1.234" };
    expect(schemaCheck(published, "DevolucaoSolicitada")(devolucao)).toBe(true);
    expect(schemaCheck(corrected, "DevolucaoSolicitada")(devolucao)).toBe(false);
  });

  it("leaves the published fixture itself as it was", () => {
    expect(published.components.schemas.PessoaFisica.properties.cpf.pattern).toBe("/^\\d{11}$/");
    expect(corrected.components.schemas.PessoaFisica.properties.cpf.pattern).toBe("^\\d{11}$");
  });
});
