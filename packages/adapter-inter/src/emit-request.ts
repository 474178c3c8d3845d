import {
  type CalendarDate,
  type CreatePaymentRequest,
  calendarDateInZone,
  gatewayError,
  type Instant,
} from "@tessera/core";

/** Inter's clock: due dates, the same-day cut-off and issue dates are Brasília's. */
export const interTimeZone = "America/Sao_Paulo";

/** A boleto due today is issued only until 19:59, Brasília time (developers.inter.co, Cobrança v3). */
const sameDayCutoffMinutes = 19 * 60 + 59;

const clockFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: interTimeZone,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function minutesOfDayInBrasilia(instant: Instant): number {
  const parts = clockFormat.formatToParts(new Date(instant));
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return value("hour") * 60 + value("minute");
}

/** `POST /cobranca/v3/cobrancas`'s body (`EmitirCobrancaRequestBody`), as this adapter sends it. */
export interface InterEmitBody {
  seuNumero: string;
  valorNominal: number;
  dataVencimento: CalendarDate;
  numDiasAgenda: number;
  pagador: {
    cpfCnpj: string;
    tipoPessoa: "FISICA" | "JURIDICA";
    nome: string;
    endereco: string;
    numero?: string;
    complemento?: string;
    bairro?: string;
    cidade: string;
    uf: string;
    cep: string;
    email?: string;
    ddd?: string;
    telefone?: string;
  };
  mensagem?: { linha1: string };
  formasRecebimento: ("BOLETO" | "PIX")[];
}

type Issue = { path: (string | number)[]; code: string; message: string };

const digits = (text: string) => text.replace(/\D/g, "");

/** A Brazilian phone (`+55 11 98888-7777`) as Inter's `ddd` and `telefone`, or nothing when it is not one. */
function phoneOf(phone: string | null): { ddd: string; telefone: string } | null {
  if (phone === null) return null;
  const national = digits(phone).replace(/^55(?=\d{10,11}$)/, "");
  if (!/^\d{10,11}$/.test(national)) return null;
  return { ddd: national.slice(0, 2), telefone: national.slice(2) };
}

/**
 * The cobrança a boleto request asks Inter for: a boleto with PIX ("bolepix") due on
 * `dueDate`, payable `numDiasAgenda` days after it, to a payer with a CPF or CNPJ and a full
 * address — what Inter refuses a request without, refused here first with the field that
 * is missing, so a studio sees what to fix and Inter is never asked twice.
 */
export function interEmitBody(
  gatewayId: string,
  request: CreatePaymentRequest,
  options: { numDiasAgenda: number; now: Instant },
): InterEmitBody {
  const issues: Issue[] = [];
  const { payer } = request;
  const document = payer.document;
  if (document === null || (document.kind !== "cpf" && document.kind !== "cnpj")) {
    issues.push({
      path: ["payer", "document"],
      code: "required",
      message: "a boleto needs the payer's CPF or CNPJ",
    });
  }
  const address = payer.address;
  if (address === null) {
    issues.push({
      path: ["payer", "address"],
      code: "required",
      message: "a boleto needs the payer's full address",
    });
  } else {
    for (const field of ["street", "city", "state", "postalCode"] as const) {
      if (address[field].trim() === "")
        issues.push({
          path: ["payer", "address", field],
          code: "required",
          message: "is required for a boleto",
        });
    }
    if (!/^\d{8}$/.test(digits(address.postalCode)))
      issues.push({
        path: ["payer", "address", "postalCode"],
        code: "invalid",
        message: "must be a CEP of 8 digits",
      });
  }
  const today = calendarDateInZone(options.now, interTimeZone);
  const dueDate = request.dueDate;
  if (dueDate === undefined) {
    issues.push({ path: ["dueDate"], code: "required", message: "a boleto needs a due date" });
  } else if (dueDate < today) {
    issues.push({ path: ["dueDate"], code: "in_the_past", message: "must be today or later (Brasília)" });
  } else if (dueDate === today && minutesOfDayInBrasilia(options.now) > sameDayCutoffMinutes) {
    issues.push({
      path: ["dueDate"],
      code: "after_cutoff",
      message: "a boleto due today can be issued only until 19:59 (Brasília); choose a later due date",
    });
  }
  if (issues.length > 0 || document === null || address === null || dueDate === undefined) {
    throw gatewayError(
      gatewayId,
      "gateway_invalid_request",
      `Banco Inter cannot issue this boleto: ${issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}.`,
      {
        details: { issues },
      },
    );
  }
  const phone = phoneOf(payer.phone);
  return {
    seuNumero: request.idempotencyKey,
    valorNominal: request.amount.amount / 100,
    dataVencimento: dueDate,
    numDiasAgenda: options.numDiasAgenda,
    pagador: {
      cpfCnpj: digits(document.value),
      tipoPessoa: document.kind === "cnpj" ? "JURIDICA" : "FISICA",
      nome: payer.name.trim().slice(0, 100),
      endereco: address.street.trim().slice(0, 100),
      ...(address.number.trim() ? { numero: address.number.trim().slice(0, 10) } : {}),
      ...(address.complement?.trim() ? { complemento: address.complement.trim().slice(0, 30) } : {}),
      ...(address.district.trim() ? { bairro: address.district.trim().slice(0, 60) } : {}),
      cidade: address.city.trim().slice(0, 60),
      uf: address.state.trim().toUpperCase(),
      cep: digits(address.postalCode),
      ...(payer.email.length <= 50 ? { email: payer.email } : {}),
      ...(phone ?? {}),
    },
    ...(request.description.trim() ? { mensagem: { linha1: request.description.trim().slice(0, 78) } } : {}),
    formasRecebimento: ["BOLETO", "PIX"],
  };
}
