/**
 * Who the mock PSP's account belongs to: the receiving user (usuário recebedor) whose Pix key
 * the charges carry, as the BR Code (name, city) and a `cobv`'s `recebedor` show it.
 */
export interface PixKeyHolder {
  /** Name on the account (BR Code field 59, `recebedor.nome`). */
  nome: string;
  /** City (BR Code field 60, `recebedor.cidade`). */
  cidade: string;
  /** The receiver's CNPJ (`recebedor.cnpj`, the webhook's `cnpj`). */
  cnpj?: string;
  logradouro?: string;
  /** Two-letter state. */
  uf?: string;
  /** Eight digits. */
  cep?: string;
}

/** A holder with every field a `cobv` answer requires of its `recebedor`. */
export type CompletePixKeyHolder = Required<PixKeyHolder>;

/** 11.222.333/0001-81: a CNPJ whose check digits are right and which belongs to no one real. */
const placeholderCnpj = "11222333000181";

export function completeHolder(holder: PixKeyHolder | undefined): CompletePixKeyHolder {
  return {
    nome: holder?.nome ?? "Tessera Mock Recebedor",
    cidade: holder?.cidade ?? "SAO PAULO",
    cnpj: holder?.cnpj ?? placeholderCnpj,
    logradouro: holder?.logradouro ?? "Rua do Teste, 100",
    uf: holder?.uf ?? "SP",
    cep: holder?.cep ?? "01001000",
  };
}
