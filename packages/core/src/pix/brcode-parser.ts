import type { Money } from "../money/money";
import { decodeTlv, hasValidCrc } from "./brcode";

/**
 * Reading a Pix BR Code back into its fields, with the checks a payer's bank makes before
 * it shows the payment (BCB "Manual de Padrões para Iniciação do Pix" v2.10.0, §2; the
 * EMV QRCPS Merchant-Presented Mode layout it profiles). Where the Manual is looser than
 * a library, the Manual wins; each rule below names its section. The published payloads
 * this parser must accept and refuse are listed in the project's reference notes
 * (`reference/gateways/pix/brcode-examples.md`).
 */

/** The Pix arrangement's GUI; case-insensitive (Manual §2.5, note 10). */
const pixGui = "br.gov.bcb.pix";

/**
 * A BR Code as the payer's bank reads it.
 *
 * `kind` says where the payment's data lives:
 * - `static`: the receiver's Pix key (`26-01`), with the amount and txid in the code itself;
 * - `dynamic`: a location (`26-25`) the payer's bank fetches the charge from — the code's
 *   own amount (54) and txid (62-05), if any, are ignored (Manual §2.7), so both read null;
 * - `recurrence`: a Pix Automático authorization alone (journey 2, Manual §2.8.1): field 26
 *   holds only the GUI and the location sits in an 80–99 template.
 */
export interface PixBrCode {
  kind: "static" | "dynamic" | "recurrence";
  /** Field 01: true for `12` (one payment only), false for `11` (reusable), null when left out. */
  singleUse: boolean | null;
  /** The receiver's Pix key (`26-01`): an EVP, e-mail, phone, CPF or CNPJ. */
  key: string | null;
  /** A message to the payer (`26-02`). */
  additionalInfo: string | null;
  /** ISPB of the withdrawal facilitator of a Pix Saque or Troco (`26-03`, fss): eight digits. */
  withdrawalFacilitator: string | null;
  /** The charge's location (`26-25`): host and path, no scheme. */
  location: string | null;
  /** The Pix Automático location of a composite or recurrence code (`25` in an 80–99 Pix template). */
  recurrenceLocation: string | null;
  /** Field 52, `0000` when the receiver gives none. */
  merchantCategoryCode: string;
  /** Field 54 in centavos; null when absent and always null for a dynamic code. */
  amount: Money | null;
  /** Field 59, at most 25 characters. */
  merchantName: string;
  /** Field 60, at most 15 characters. */
  merchantCity: string;
  /** Field 61. */
  postalCode: string | null;
  /** Field 62-05; null for `***` (no txid) and always null for a dynamic code. */
  txid: string | null;
  /** Field 63: the CRC16 the code carries (already checked). */
  crc: string;
  /** Every top-level field as written, templates as text, for what this type leaves out. */
  fields: { id: string; value: string }[];
}

/**
 * Why a payload is not a Pix BR Code: `malformed` — the TLV layout is broken; `crc_mismatch`
 * — field 63 is not the CRC of what precedes it; `missing_field` and `invalid_field` — a
 * field the Manual requires is absent or out of its rules; `not_pix` — a well-formed EMV
 * code with no Pix arrangement in 26–51.
 */
export type BrCodeProblem = "malformed" | "crc_mismatch" | "missing_field" | "invalid_field" | "not_pix";

export type BrCodeParseResult =
  | { valid: true; brCode: PixBrCode }
  | {
      valid: false;
      problem: BrCodeProblem;
      /** The field at fault, as `59` or `26.25` (template id, then sub-field); null for the whole code. */
      field: string | null;
      message: string;
    };

type Problem = Extract<BrCodeParseResult, { valid: false }>;

/** Thrown inside the parser only, and turned into a result at its edge. */
class BrCodeRefusal extends Error {
  constructor(readonly refusal: Problem) {
    super(refusal.message);
  }
}

function refuse(problem: BrCodeProblem, field: string | null, message: string): never {
  throw new BrCodeRefusal({ valid: false, problem, field, message });
}

/**
 * Reads a BR Code ("Pix copia e cola") into its fields and checks it: the CRC (field 63,
 * CRC-16/CCITT-FALSE), the TLV layout, the fields every Pix code must carry (00 = `01`
 * first, a Pix template in 26–51, 52, 53 = `986`, 58 = `BR`, 59 ≤ 25, 60 ≤ 15, 62 with 05,
 * 63 last), a key or a location but not both, a location without a scheme (§2.5.2), an
 * amount of at most 13 characters and two decimals, and a txid of at most 25 letters and
 * digits or `***` (§2.6.2) — those two only in a static code, since a dynamic code's are
 * ignored (§2.7). A code that fails is a value, not an exception: it is the input being
 * wrong, not the program.
 *
 * @example
 * ```ts
 * const result = parseBrCode("00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D");
 * if (result.valid) result.brCode.key; // "123e4567-e12b-12d1-a456-426655440000"
 * else result.problem; // e.g. "crc_mismatch"
 * ```
 */
export function parseBrCode(payload: string): BrCodeParseResult {
  try {
    return { valid: true, brCode: read(payload) };
  } catch (error) {
    if (error instanceof BrCodeRefusal) return error.refusal;
    throw error;
  }
}

function read(payload: string): PixBrCode {
  if (!/6304[0-9A-Fa-f]{4}$/.test(payload))
    refuse("missing_field", "63", "The code does not end in its CRC (6304 + four hex digits).");
  if (!hasValidCrc(payload))
    refuse("crc_mismatch", "63", "The CRC does not match the code: it was changed or mistyped.");
  const fields = decode(payload, null);
  const byId = new Map<string, string>();
  for (const field of fields) {
    if (byId.has(field.id)) refuse("malformed", field.id, `Field ${field.id} appears twice.`);
    byId.set(field.id, field.value);
  }
  // EMV: the payload format indicator opens the code and the CRC closes it.
  if (fields[0]?.id !== "00") refuse("missing_field", "00", "The code must open with field 00.");
  if (fields[0].value !== "01") refuse("invalid_field", "00", "Field 00 (payload format) must be 01.");
  if (fields.at(-1)?.id !== "63") refuse("malformed", "63", "Field 63 (the CRC) must close the code.");

  const pointOfInitiation = byId.get("01");
  if (pointOfInitiation !== undefined && pointOfInitiation !== "11" && pointOfInitiation !== "12") {
    refuse("invalid_field", "01", "Field 01 (point of initiation) must be 11 or 12.");
  }

  const account = pixTemplate(fields, 26, 51);
  if (account === null)
    refuse("not_pix", null, "No merchant account template (26–51) is Pix's (br.gov.bcb.pix).");
  const recurrence = pixTemplate(fields, 80, 99);
  const key = nonEmpty(account.values.get("01"), `${account.id}.01`);
  const location = nonEmpty(account.values.get("25"), `${account.id}.25`);
  const recurrenceLocation =
    recurrence === null ? null : nonEmpty(recurrence.values.get("25"), `${recurrence.id}.25`);
  if (key !== null && location !== null) {
    refuse("invalid_field", account.id, "A Pix template carries a key (01) or a location (25), not both.");
  }
  if (location !== null) checkLocation(location, `${account.id}.25`);
  if (recurrenceLocation !== null) checkLocation(recurrenceLocation, `${recurrence?.id}.25`);
  // §2.8.1: in a recurrence-only code field 26 holds just the GUI; the location is in 80–99.
  if (key === null && location === null && recurrenceLocation === null) {
    refuse(
      "missing_field",
      `${account.id}.01`,
      "The Pix template carries neither a key (01) nor a location (25).",
    );
  }
  const withdrawalFacilitator = account.values.get("03") ?? null;
  if (withdrawalFacilitator !== null && !/^\d{8}$/.test(withdrawalFacilitator)) {
    refuse("invalid_field", `${account.id}.03`, "The fss (03) is an ISPB: eight digits.");
  }
  const kind: PixBrCode["kind"] = location !== null ? "dynamic" : key !== null ? "static" : "recurrence";

  const merchantCategoryCode = required(byId, "52");
  if (!/^\d{4}$/.test(merchantCategoryCode))
    refuse("invalid_field", "52", "Field 52 (merchant category) is four digits.");
  if (required(byId, "53") !== "986")
    refuse("invalid_field", "53", "Field 53 (currency) must be 986, the Brazilian real.");
  if (required(byId, "58") !== "BR") refuse("invalid_field", "58", "Field 58 (country) must be BR.");
  const merchantName = required(byId, "59");
  if (merchantName.length < 1 || merchantName.length > 25) {
    refuse("invalid_field", "59", "Field 59 (merchant name) is 1 to 25 characters.");
  }
  const merchantCity = required(byId, "60");
  if (merchantCity.length < 1 || merchantCity.length > 15) {
    refuse("invalid_field", "60", "Field 60 (merchant city) is 1 to 15 characters.");
  }
  const postalCode = byId.get("61") ?? null;
  if (postalCode !== null && (postalCode.length < 1 || postalCode.length > 10)) {
    refuse("invalid_field", "61", "Field 61 (postal code) is 1 to 10 characters.");
  }
  // §2.7: a dynamic code's 54 and 62-05 "devem ser ignorados" — neither read nor checked.
  const amountText = byId.get("54");
  const amount = kind === "dynamic" || amountText === undefined ? null : centavos(amountText);

  // Manual §2.6, note 21: the reference label (62-05) is always present.
  const additional = new Map(decode(required(byId, "62"), "62").map((field) => [field.id, field.value]));
  const reference = additional.get("05");
  if (reference === undefined) refuse("missing_field", "62.05", "Field 62 must carry 05 (the txid, or ***).");
  if (kind !== "dynamic" && reference !== "***" && !/^[A-Za-z0-9]{1,25}$/.test(reference)) {
    refuse("invalid_field", "62.05", "The txid (62-05) is 1 to 25 letters and digits, or ***.");
  }

  return {
    kind,
    singleUse: pointOfInitiation === undefined ? null : pointOfInitiation === "12",
    key,
    additionalInfo: account.values.get("02") ?? null,
    withdrawalFacilitator,
    location,
    recurrenceLocation,
    merchantCategoryCode,
    amount,
    merchantName,
    merchantCity,
    postalCode,
    txid: kind === "dynamic" || reference === "***" ? null : reference,
    crc: payload.slice(-4).toUpperCase(),
    fields,
  };
}

function decode(text: string, field: string | null): { id: string; value: string }[] {
  try {
    return decodeTlv(text);
  } catch {
    return refuse(
      "malformed",
      field,
      `${field === null ? "The code" : `Field ${field}`} is not well-formed TLV.`,
    );
  }
}

function required(byId: Map<string, string>, id: string): string {
  const value = byId.get(id);
  if (value === undefined) refuse("missing_field", id, `Field ${id} is required in a Pix BR Code.`);
  return value;
}

function nonEmpty(value: string | undefined, field: string): string | null {
  if (value === undefined) return null;
  if (value === "") refuse("invalid_field", field, `Field ${field} is present but empty.`);
  return value;
}

/** The first template between `from` and `to` whose GUI (00) is Pix's (Manual §2.5: any of 26–51). */
function pixTemplate(
  fields: readonly { id: string; value: string }[],
  from: number,
  to: number,
): { id: string; values: Map<string, string> } | null {
  for (const field of fields) {
    const id = Number(field.id);
    if (id < from || id > to) continue;
    const values = new Map(decode(field.value, field.id).map((sub) => [sub.id, sub.value]));
    if (values.get("00")?.toLowerCase() === pixGui) return { id: field.id, values };
  }
  return null;
}

/** §2.5.2: a location is host and path, "não devem incluir prefixo de protocolo". */
function checkLocation(location: string, field: string): void {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location) || /\s/.test(location)) {
    refuse("invalid_field", field, `The location in ${field} must be host and path, with no scheme.`);
  }
}

/**
 * Field 54 in centavos. EMV writes it as digits with an optional point and up to two
 * decimals, at most 13 characters — published codes carry `100`, `10.`, `0.9` and `1.00`.
 */
function centavos(text: string): Money {
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (text.length > 13 || match === null) {
    refuse(
      "invalid_field",
      "54",
      "Field 54 (amount) is at most 13 characters: digits, a point, two decimals.",
    );
  }
  const [, whole = "0", fraction = ""] = match;
  return { amount: Number(whole) * 100 + Number(fraction.padEnd(2, "0")), currency: "BRL" };
}
