import type { DeclineCode } from "@tessera/core";

/**
 * Which meaning a `Payment.ReturnCode` has. Cielo's sandbox ("Simulado" provider) answers its
 * own fixed codes by the card number's last digit, and some of them mean something else in
 * production: sandbox 57 is an expired card, production Visa/Elo 57 is ABECS "transaction not
 * permitted for the card, do not retry".
 */
export type CieloEnvironment = "sandbox" | "production";

/**
 * Cielo's `Payment.CreditCard.Brand` values, as the manual lists them ("Visa / Master / Amex /
 * Elo / Aura / JCB / Diners / Discover / Hipercard / Hiper"). `Master` is Mastercard.
 */
export type CieloBrand =
  | "Visa"
  | "Master"
  | "Amex"
  | "Elo"
  | "Aura"
  | "JCB"
  | "Diners"
  | "Discover"
  | "Hipercard"
  | "Hiper";

/** A declined authorization's `ReturnCode`, read as a standard decline. */
export interface CieloDecline {
  /** The standard code core and the pages speak. */
  code: DeclineCode;
  /**
   * Whether the same card may be charged again later: ABECS "reversível" (within the brands'
   * retry rules), or the retry column of Cielo's own codes. Never for an "irreversível" code.
   */
  retryable: boolean;
  /** Cielo's own Portuguese text for the code, for support (not for the buyer). */
  reason: string;
}

/** The brand columns of Cielo's ABECS table: the code each brand's network uses for a reason. */
export const cieloAbecsColumns = ["elo", "visa", "mastercardHiper", "amex", "amexCieloMapping"] as const;
export type CieloAbecsColumn = (typeof cieloAbecsColumns)[number];

/**
 * One row of the ABECS table. A cell holds the brand's code as the page writes it: `"-"` is
 * no code (the page's "-" and "SEM CÓDIGO CORRESPONDENTE"), `"14 ou 56"` is either code.
 */
export interface CieloAbecsRow {
  /** "Mensagem": the reason, in the page's words. */
  reason: string;
  /** "Tipo de Código": REVERSÍVEL (true) or IRREVERSÍVEL (false). */
  reversible: boolean;
  elo: string;
  visa: string;
  /** "MASTERCARD/HIPER": Mastercard, Hipercard and Hiper. */
  mastercardHiper: string;
  /** Amex's own three-digit codes. */
  amex: string;
  /** "AMEX - De/Para Cielo": the two-character code Cielo maps Amex's to. */
  amexCieloMapping: string;
  /** Our reading of the reason (the judgment calls are in the comments beside the rows). */
  code: DeclineCode;
}

/**
 * Cielo's "Códigos de retorno ABECS" table, every row in the page's order
 * (https://developercielo.github.io/tutorial/abecs-e-outros-codigos, the version of
 * 2024-06-18, repo `DeveloperCielo/developercielo.github.io`, file
 * `_i18n/pt/_posts/documentos-adicionais/2023-04-05-abecs-e-outros-codigos.md`, commit
 * `d83100ad40d92228505cf69ccf0c822d996e8a55`; now docs.cielo.com.br/ecommerce-cielo/page/abecs).
 *
 * The same code means different things per brand (Mastercard 57 is a reversible "not
 * permitted", Visa/Elo 57 an irreversible one) and, within one brand, can stand for several
 * rows (Elo 57: not permitted, terminal capacity, confirmed fraud, breach of law). Where rows
 * share a cell the first row in the page's order gives the code, the reasons are joined with
 * " ou ", and the code is retryable only if every one of those rows is reversible (Elo 62 is
 * both a reversible temporary block and an irreversible domestic-only card: not retryable).
 */
// biome-ignore format: a table of one row per line reads against the page row by row
export const cieloAbecsReturnCodes: readonly CieloAbecsRow[] = [
  // Generic, "contate a central": the issuer said no without a reason.
  { reason: "GENÉRICA", reversible: true, elo: "5", visa: "5", mastercardHiper: "5", amex: "100", amexCieloMapping: "FA", code: "do_not_honor" },
  { reason: "SALDO/LIMITE INSUFICIENTE", reversible: true, elo: "51", visa: "51", mastercardHiper: "51", amex: "116", amexCieloMapping: "A5", code: "insufficient_funds" },
  { reason: "SALDO/LIMITE INSUFICIENTE", reversible: true, elo: "51", visa: "51", mastercardHiper: "51", amex: "121", amexCieloMapping: "A5", code: "insufficient_funds" },
  // In e-commerce the "senha" the issuer checks is the card's security code: nearest is incorrect_cvc.
  { reason: "SENHA INVÁLIDA", reversible: true, elo: "55", visa: "55 ou 86", mastercardHiper: "55", amex: "117", amexCieloMapping: "A6", code: "incorrect_cvc" },
  { reason: "TRANSAÇÃO NÃO PERMITIDA PARA O CARTÃO", reversible: true, elo: "-", visa: "-", mastercardHiper: "57", amex: "-", amexCieloMapping: "FD", code: "card_not_supported" },
  { reason: "TRANSAÇÃO NÃO PERMITIDA PARA O CARTÃO", reversible: false, elo: "57", visa: "57", mastercardHiper: "-", amex: "200", amexCieloMapping: "-", code: "card_not_supported" },
  { reason: "NÚMERO CARTÃO NÃO PERTENCE AO EMISSOR / NÚMERO CARTÃO INVÁLIDO", reversible: false, elo: "14 ou 56", visa: "14", mastercardHiper: "14 ou 1", amex: "122", amexCieloMapping: "8", code: "invalid_card" },
  // The security code (CVV2) invalid or absent (Visa N7 is Visa's CVV2 failure).
  { reason: "VIOLAÇÃO DE SEGURANÇA (INVÁLIDO OU NÃO PRESENTE)", reversible: false, elo: "63", visa: "N7", mastercardHiper: "-", amex: "122", amexCieloMapping: "8", code: "incorrect_cvc" },
  { reason: "VIOLAÇÃO DE SEGURANÇA (INVÁLIDO OU NÃO PRESENTE)", reversible: true, elo: "-", visa: "-", mastercardHiper: "63", amex: "-", amexCieloMapping: "-", code: "incorrect_cvc" },
  { reason: "SUSPEITA DE FRAUDE/AVISO DE VIAGEM", reversible: true, elo: "59", visa: "59", mastercardHiper: "63", amex: "100", amexCieloMapping: "FA", code: "suspected_fraud" },
  // The store is not enabled for this brand or product: for the buyer, this card is not accepted here.
  { reason: "COMERCIANTE INVÁLIDO", reversible: false, elo: "58", visa: "3", mastercardHiper: "3", amex: "109", amexCieloMapping: "DA", code: "card_not_supported" },
  // The issuer asks for a new attempt: a transient failure.
  { reason: "REFAZER A TRANSAÇÃO (EMISSOR SOLICITA RETENTATIVA)", reversible: true, elo: "4", visa: "-", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "processing_error" },
  // "Lojista, contate o adquirente": a problem between the store and Cielo, not the card.
  { reason: "CONSULTAR CREDENCIADOR", reversible: true, elo: "6", visa: "-", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "processing_error" },
  { reason: "PROBLEMA NO ADQUIRENTE", reversible: false, elo: "19", visa: "19", mastercardHiper: "30", amex: "-", amexCieloMapping: "-", code: "processing_error" },
  // "Verifique os dados do cartão": the card's data is wrong.
  { reason: "ERRO NO CARTÃO", reversible: false, elo: "12", visa: "6", mastercardHiper: "-", amex: "115", amexCieloMapping: "A2", code: "invalid_card" },
  { reason: "ERRO DE FORMATO (MENSAGERIA)", reversible: false, elo: "30", visa: "12", mastercardHiper: "30", amex: "181", amexCieloMapping: "A3", code: "processing_error" },
  { reason: "VALOR DA TRANSAÇÃO INVÁLIDA", reversible: false, elo: "13", visa: "13", mastercardHiper: "13", amex: "110", amexCieloMapping: "JB", code: "invalid_amount" },
  // An invalid installment amount is an amount the card will not take.
  { reason: "VALOR DA PARCELA INVÁLIDA", reversible: false, elo: "23", visa: "-", mastercardHiper: "12", amex: "115", amexCieloMapping: "A2", code: "invalid_amount" },
  // Too many PIN tries or purchases: a count limit of the card.
  { reason: "EXCEDIDAS TENTATIVAS DE SENHA / COMPRAS", reversible: true, elo: "38", visa: "75", mastercardHiper: "75", amex: "106", amexCieloMapping: "A4", code: "limit_exceeded" },
  { reason: "CARTÃO PERDIDO", reversible: false, elo: "41", visa: "41", mastercardHiper: "41", amex: "200", amexCieloMapping: "FD", code: "lost_card" },
  { reason: "CARTÃO ROUBADO", reversible: false, elo: "43", visa: "43", mastercardHiper: "43", amex: "200", amexCieloMapping: "FD", code: "stolen_card" },
  { reason: "CARTÃO VENCIDO / DT EXPIRAÇÃO INVÁLIDA", reversible: false, elo: "54", visa: "54", mastercardHiper: "54", amex: "101", amexCieloMapping: "BV", code: "expired_card" },
  // The store's terminal (here, its e-commerce channel) cannot take this card's transaction.
  { reason: "TRANSAÇÃO NÃO PERMITIDA CAPACIDADE DO TERMINAL", reversible: false, elo: "57", visa: "58", mastercardHiper: "58", amex: "-", amexCieloMapping: "-", code: "card_not_supported" },
  { reason: "VALOR EXCESSO / SAQUE", reversible: true, elo: "61", visa: "61 ou N4", mastercardHiper: "61", amex: "-", amexCieloMapping: "-", code: "limit_exceeded" },
  // The issuer blocked the card for now (e.g. overdue bill): the bank declined the card.
  { reason: "BLOQUEIO TEMPORÁRIO (EX: INADIMPLÊNCIA)", reversible: true, elo: "62", visa: "62", mastercardHiper: "57", amex: "-", amexCieloMapping: "-", code: "card_declined" },
  { reason: "CARTÃO DOMÉSTICO - TRANSAÇÃO INTERNACIONAL", reversible: false, elo: "62", visa: "-", mastercardHiper: "62", amex: "-", amexCieloMapping: "-", code: "card_not_supported" },
  { reason: "CARTÃO DOMÉSTICO - TRANSAÇÃO INTERNACIONAL", reversible: true, elo: "-", visa: "62", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "card_not_supported" },
  { reason: "VALOR MÍNIMO DA TRANSAÇÃO INVÁLIDO", reversible: false, elo: "64", visa: "-", mastercardHiper: "13", amex: "-", amexCieloMapping: "-", code: "invalid_amount" },
  { reason: "QUANT. DE SAQUES EXCEDIDO", reversible: true, elo: "65", visa: "65", mastercardHiper: "65", amex: "-", amexCieloMapping: "-", code: "limit_exceeded" },
  // An expired or badly encrypted "senha": the security code, as with SENHA INVÁLIDA.
  { reason: "SENHA VENCIDA / ERRO DE CRIPTOGRAFIA DE SENHA", reversible: false, elo: "83", visa: "74 ou 81", mastercardHiper: "88", amex: "180", amexCieloMapping: "A7", code: "incorrect_cvc" },
  { reason: "EXCEDIDAS TENTATIVAS DE SENHA/ SAQUE", reversible: true, elo: "75", visa: "75", mastercardHiper: "75", amex: "106", amexCieloMapping: "A4", code: "limit_exceeded" },
  // The account behind the card is invalid or gone: the card's data points to nothing.
  { reason: "CONTA DESTINO INVÁLIDA OU INEXISTENTE", reversible: false, elo: "76", visa: "-", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "invalid_card" },
  { reason: "CONTA ORIGEM INVÁLIDA OU INEXISTENTE", reversible: false, elo: "77", visa: "-", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "invalid_card" },
  // A new card not unlocked yet, or locked by its holder in the bank's app: the bank declined it.
  { reason: "CARTÃO NOVO SEM DESBLOQUEIO (INCLUI CARTÃO BLOQUEADO PELO CLIENTE NO APLICATIVO - E-COM NFC)", reversible: true, elo: "78", visa: "78", mastercardHiper: "57", amex: "-", amexCieloMapping: "-", code: "card_declined" },
  { reason: "CARTÃO INVÁLIDO (criptograma)", reversible: false, elo: "82", visa: "82", mastercardHiper: "88", amex: "180", amexCieloMapping: "A7", code: "invalid_card" },
  { reason: "EMISSOR FORA DO AR", reversible: true, elo: "91", visa: "91", mastercardHiper: "91", amex: "912", amexCieloMapping: "A1", code: "processing_error" },
  { reason: "FALHA DO SISTEMA", reversible: true, elo: "96", visa: "96", mastercardHiper: "96", amex: "911", amexCieloMapping: "AE", code: "processing_error" },
  // The amount differs from the pre-authorization's.
  { reason: "DIFERENÇA - PRÉ AUTORIZAÇÃO", reversible: false, elo: "-", visa: "N8", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "invalid_amount" },
  // Debit/credit function not enabled on the card: not accepted for this purchase.
  { reason: "FUNÇÃO INCORRETA (DÉBITO)", reversible: true, elo: "AB", visa: "52 ou 53", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "card_not_supported" },
  { reason: "FUNÇÃO INCORRETA (CRÉDITO)", reversible: true, elo: "AC", visa: "39", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "card_not_supported" },
  // The holder must change the PIN or unlock the card at the bank.
  { reason: "TROCA DE SENHA / DESBLOQUEIO", reversible: false, elo: "P5", visa: "-", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "card_declined" },
  { reason: "NOVA SENHA NÃO ACEITA", reversible: true, elo: "P6", visa: "-", mastercardHiper: "55", amex: "-", amexCieloMapping: "-", code: "incorrect_cvc" },
  // "Pick up card", without saying lost or stolen.
  { reason: "RECOLHER CARTÃO", reversible: false, elo: "-", visa: "4", mastercardHiper: "4", amex: "-", amexCieloMapping: "-", code: "card_declined" },
  // A technical key error (shares Visa N7 with VIOLAÇÃO DE SEGURANÇA, which comes first).
  { reason: "ERRO POR MUDANÇA DE CHAVE DINÂMICA", reversible: false, elo: "-", visa: "N7", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "processing_error" },
  // Confirmed fraud: the nearest standard code is suspected_fraud.
  { reason: "FRAUDE CONFIRMADA", reversible: false, elo: "57", visa: "7", mastercardHiper: "4", amex: "200", amexCieloMapping: "FD", code: "suspected_fraud" },
  { reason: "EMISSOR Ñ LOCALIZADO - BIN INCORRETO (negativa do adquirente)", reversible: false, elo: "-", visa: "15", mastercardHiper: "15", amex: "-", amexCieloMapping: "-", code: "invalid_card" },
  // "Contate a central … não tente novamente": the issuer refuses, with no reason to show.
  { reason: "NÃO CUMPRIMENTO PELAS LEIS DE ANTE LAVAGEM DE DINHEIRO", reversible: false, elo: "-", visa: "64", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "do_not_honor" },
  // A reversal or routing fault is the network's, not the card's.
  { reason: "REVERSÃO INVÁLIDA", reversible: false, elo: "-", visa: "76", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "processing_error" },
  { reason: "NÃO LOCALIZADO PELO ROTEADOR", reversible: false, elo: "-", visa: "92", mastercardHiper: "92", amex: "-", amexCieloMapping: "-", code: "processing_error" },
  { reason: "TRANSAÇÃO NEGADA POR INFRAÇÃO DE LEI", reversible: false, elo: "57", visa: "93", mastercardHiper: "62", amex: "-", amexCieloMapping: "-", code: "card_not_supported" },
  // Duplicate tracing data: a fault in the message, not the card.
  { reason: "VALOR DO TRACING DATA DUPLICADO", reversible: false, elo: "-", visa: "94", mastercardHiper: "94", amex: "-", amexCieloMapping: "-", code: "processing_error" },
  // A surcharge (a fee added to the amount) the network does not support: the amount is refused.
  { reason: "SURCHARGE NÃO SUPORTADO", reversible: true, elo: "-", visa: "B1", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "invalid_amount" },
  { reason: "SURCHARGE NÃO SUPORTADO PELA REDE DE DÉBITO", reversible: true, elo: "-", visa: "B2", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "invalid_amount" },
  // Stand-in processing forced: the issuer could not answer.
  { reason: "FORÇAR STIP", reversible: true, elo: "-", visa: "N0", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "processing_error" },
  { reason: "SAQUE NÃO DISPONÍVEL", reversible: false, elo: "-", visa: "N3", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "card_not_supported" },
  // The holder (or the issuer) stopped recurring payments to this store, or all of them (R0, R1, R3).
  { reason: "SUSPENSÃO DE PAGAMENTO RECORRENTE PARA UM SERVIÇO", reversible: false, elo: "-", visa: "R0", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "card_declined" },
  { reason: "SUSPENSÃO DE PAGAMENTO RECORRENTE PARA TODOS SERVIÇO", reversible: false, elo: "-", visa: "R1", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "card_declined" },
  { reason: "TRANSAÇÃO NÃO QUALIFICADA PARA VISA PIN", reversible: false, elo: "-", visa: "R2", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "card_not_supported" },
  { reason: "SUSPENSÃO DE TODAS AS ORDENS DE AUTORIZAÇÃO", reversible: false, elo: "-", visa: "R3", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "card_declined" },
  // The account is closed: the bank declines the card.
  { reason: "CONTA ENCERRADA", reversible: false, elo: "46", visa: "46", mastercardHiper: "62", amex: "-", amexCieloMapping: "-", code: "card_declined" },
  // The issuer's verification of the holder's identity failed.
  { reason: "FALHA VALIDAÇÃO DE ID", reversible: false, elo: "-", visa: "6P", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "authentication_required" },
  // The chip is required, which a card-not-present sale cannot use.
  { reason: "UTILIZAR O CHIP", reversible: false, elo: "FM", visa: "-", mastercardHiper: "-", amex: "-", amexCieloMapping: "-", code: "card_not_supported" },
];

/**
 * The "Permite Retentativa" column of Cielo's own codes, shortened: `"4 vezes em 16 dias"` is
 * "Apenas 4 vezes em 16 dias.", `"—"` is a cell the page leaves without a rule.
 */
export type CieloRetryRule =
  | "não"
  | "sim"
  | "4 vezes em 16 dias"
  | "a partir do dia seguinte, 4 vezes em 16 dias"
  | "após 72 horas"
  | "após 30 dias"
  | "—";

/** One row of Cielo's "Outros códigos retornados em ReturnCode". */
export interface CieloOtherReturnCode {
  /** "Código Resposta", as the page writes it (`"BP 171"` has its space). */
  returnCode: string;
  /** "Definição". */
  definition: string;
  /** "Permite Retentativa". */
  retry: CieloRetryRule;
  /** Our reading of the definition. */
  code: DeclineCode;
}

/**
 * Cielo's "Outros códigos retornados em ReturnCode" (same page as the ABECS table): codes of
 * Cielo's own, read after the brand's ABECS column. Left out, as no authorization declines
 * with them: 0 and 11 (authorized, see `isCieloApproval`), 9 and FF (a cancellation that
 * succeeded), 21, 72 and 475 (a cancellation that failed; cancellations answer their own
 * table, "Códigos de Retorno de Cancelamento").
 */
// biome-ignore format: a table of one row per line reads against the page row by row
export const cieloOtherReturnCodes: readonly CieloOtherReturnCode[] = [
  // Referred: the table says "suspeita de fraude" by the issuer.
  { returnCode: "2", definition: "Transação não autorizada. Transação referida.", retry: "não", code: "suspected_fraud" },
  // Installments the store or card does not allow: the nearest is an amount the card will not take.
  { returnCode: "22", definition: "Parcelamento inválido. Número de parcelas inválidas.", retry: "não", code: "invalid_amount" },
  { returnCode: "24", definition: "Quantidade de parcelas inválido.", retry: "não", code: "invalid_amount" },
  { returnCode: "60", definition: "Transação não autorizada.", retry: "4 vezes em 16 dias", code: "do_not_honor" },
  // Blocked for purchases until midnight (too many invalid tries).
  { returnCode: "67", definition: "Transação não autorizada. Cartão bloqueado para compras hoje.", retry: "a partir do dia seguinte, 4 vezes em 16 dias", code: "card_declined" },
  // "Limite excedido/sem saldo": no funds or credit left, as ABECS 51.
  { returnCode: "70", definition: "Transação não autorizada. Limite excedido/sem saldo.", retry: "a partir do dia seguinte, 4 vezes em 16 dias", code: "insufficient_funds" },
  { returnCode: "79", definition: "Transação Mastercard não permitida para o cartão", retry: "não", code: "card_not_supported" },
  // A transaction or first-payment date Cielo refuses: the request, not the card.
  { returnCode: "80", definition: "Transação não autorizada. Divergencia na data de transação/pagamento.", retry: "não", code: "processing_error" },
  { returnCode: "82", definition: "Transação Mastercard não autorizada. Ligue para o emissor", retry: "não", code: "do_not_honor" },
  { returnCode: "83", definition: "Transação Mastercard suspeita de fraude", retry: "não", code: "suspected_fraud" },
  { returnCode: "85", definition: "Transação não permitida. Falha da operação.", retry: "não", code: "processing_error" },
  { returnCode: "89", definition: "Erro na transação.", retry: "4 vezes em 16 dias", code: "processing_error" },
  { returnCode: "90", definition: "Transação não permitida. Falha da operação.", retry: "não", code: "processing_error" },
  { returnCode: "97", definition: "Valor não permitido para essa transação.", retry: "não", code: "invalid_amount" },
  { returnCode: "98", definition: "Sistema/comunicação indisponível.", retry: "4 vezes em 16 dias", code: "processing_error" },
  { returnCode: "999", definition: "Sistema/comunicação indisponível.", retry: "a partir do dia seguinte, 4 vezes em 16 dias", code: "processing_error" },
  { returnCode: "AA", definition: "Tempo Excedido", retry: "4 vezes em 16 dias", code: "processing_error" },
  { returnCode: "AF", definition: "Transação não permitida. Falha da operação.", retry: "não", code: "processing_error" },
  { returnCode: "AG", definition: "Transação não permitida. Falha da operação.", retry: "não", code: "processing_error" },
  { returnCode: "AH", definition: "Transação não permitida. Cartão de crédito sendo usado com débito. Use a função crédito.", retry: "não", code: "card_not_supported" },
  { returnCode: "AI", definition: "Transação não autorizada. Autenticação não foi realizada.", retry: "não", code: "authentication_required" },
  { returnCode: "AJ", definition: "Transação não permitida. Transação de crédito ou débito em uma operação que permite apenas Private Label. Tente novamente selecionando a opção Private Label.", retry: "não", code: "card_not_supported" },
  // "Dados inválidos", the holder should check them: the card data.
  { returnCode: "AV", definition: "Transação não autorizada. Dados Inválidos", retry: "4 vezes em 16 dias", code: "invalid_card" },
  { returnCode: "BD", definition: "Transação não permitida. Falha da operação.", retry: "não", code: "processing_error" },
  { returnCode: "BL", definition: "Transação não autorizada. Limite diário excedido.", retry: "a partir do dia seguinte, 4 vezes em 16 dias", code: "limit_exceeded" },
  { returnCode: "BM", definition: "Transação não autorizada. Cartão Inválido", retry: "não", code: "invalid_card" },
  { returnCode: "BN", definition: "Transação não autorizada. Cartão ou conta bloqueado.", retry: "não", code: "card_declined" },
  { returnCode: "BO", definition: "Transação não permitida. Falha da operação.", retry: "4 vezes em 16 dias", code: "processing_error" },
  // No such current account behind the card, as ABECS "CONTA ORIGEM INVÁLIDA".
  { returnCode: "BP", definition: "Transação não autorizada. Conta corrente inexistente.", retry: "não", code: "invalid_card" },
  { returnCode: "BP 171", definition: "Rejeitada por risco de fraude (Velocity).", retry: "sim", code: "suspected_fraud" },
  // "—" in the retry column: the table says nothing, so no retry.
  { returnCode: "BP 176", definition: "Transação não permitida.", retry: "—", code: "processing_error" },
  { returnCode: "BP 900", definition: "Falha na operação.", retry: "sim", code: "processing_error" },
  { returnCode: "BP 901", definition: "Falha na operação.", retry: "sim", code: "processing_error" },
  { returnCode: "BP 902", definition: "Aguarde resposta da operação anterior.", retry: "sim", code: "processing_error" },
  { returnCode: "BP 903", definition: "Falha no Cancelamento.", retry: "sim", code: "processing_error" },
  { returnCode: "BP 904", definition: "Falha na Consulta.", retry: "sim", code: "processing_error" },
  { returnCode: "BR", definition: "Transação não autorizada. Conta encerrada", retry: "não", code: "card_declined" },
  { returnCode: "C1", definition: "Transação não permitida. Cartão não pode processar transações de débito.", retry: "não", code: "card_not_supported" },
  { returnCode: "C2", definition: "Transação não permitida.", retry: "não", code: "invalid_card" },
  { returnCode: "C3", definition: "Transação não permitida.", retry: "não", code: "processing_error" },
  // The page writes "Transação não autorizada.C79:J79 Falha…": a spreadsheet cell range pasted in, left out here.
  { returnCode: "CF", definition: "Transação não autorizada.Falha na validação dos dados.", retry: "não", code: "do_not_honor" },
  { returnCode: "CG", definition: "Transação não autorizada. Falha na validação dos dados.", retry: "não", code: "do_not_honor" },
  { returnCode: "DF", definition: "Transação não permitida. Falha no cartão ou cartão inválido.", retry: "4 vezes em 16 dias", code: "invalid_card" },
  { returnCode: "DM", definition: "Transação não autorizada. Limite excedido/sem saldo.", retry: "a partir do dia seguinte, 4 vezes em 16 dias", code: "insufficient_funds" },
  { returnCode: "DQ", definition: "Transação não autorizada. Falha na validação dos dados.", retry: "não", code: "do_not_honor" },
  { returnCode: "DS", definition: "Transação não permitida para o cartão", retry: "4 vezes em 16 dias", code: "card_not_supported" },
  { returnCode: "EB", definition: "Número de parcelas maior que o Permitido.", retry: "sim", code: "invalid_amount" },
  { returnCode: "EE", definition: "Transação não permitida. Valor da parcela inferior ao mínimo permitido.", retry: "não", code: "invalid_amount" },
  { returnCode: "EK", definition: "Transação não permitida para o cartão", retry: "4 vezes em 16 dias", code: "card_not_supported" },
  { returnCode: "FC", definition: "Transação não autorizada. Ligue Emissor", retry: "não", code: "do_not_honor" },
  { returnCode: "FE", definition: "Transação não autorizada. Divergencia na data de transação/pagamento.", retry: "não", code: "processing_error" },
  { returnCode: "FG", definition: "Transação não autorizada. Ligue AmEx 08007285090.", retry: "não", code: "do_not_honor" },
  // Referred preventively by Lynx, Cielo's fraud prevention.
  { returnCode: "GA", definition: "Aguarde Contato", retry: "não", code: "suspected_fraud" },
  // The store's IP is not allowed: the store's set-up.
  { returnCode: "GF", definition: "Transação negada.", retry: "não", code: "processing_error" },
  { returnCode: "GD", definition: "Transação não permitida.", retry: "—", code: "processing_error" },
  { returnCode: "GT", definition: "Transação negada.", retry: "não", code: "suspected_fraud" },
  { returnCode: "GK", definition: "Transação negada.", retry: "não", code: "suspected_fraud" },
  { returnCode: "HJ", definition: "Transação não permitida. Código da operação inválido.", retry: "não", code: "processing_error" },
  { returnCode: "IA", definition: "Transação não permitida. Indicador da operação inválido.", retry: "não", code: "processing_error" },
  { returnCode: "KA", definition: "Transação não permitida. Falha na validação dos dados.", retry: "não", code: "invalid_card" },
  { returnCode: "KB", definition: "Transação não permitida. Selecionado a opção incorrente.", retry: "não", code: "card_not_supported" },
  { returnCode: "KE", definition: "Transação não autorizada. Falha na validação dos dados.", retry: "não", code: "card_not_supported" },
  // The issuer allows a retry only after 30 days (RP: 72 hours).
  { returnCode: "NR", definition: "Transação não permitida.", retry: "após 30 dias", code: "do_not_honor" },
  { returnCode: "RP", definition: "Transação não permitida.", retry: "após 72 horas", code: "do_not_honor" },
  // Recurring payment, service canceled, as ABECS R0.
  { returnCode: "SC", definition: "Transação não permitida.", retry: "não", code: "card_declined" },
  { returnCode: "U3", definition: "Transação não permitida. Falha na validação dos dados.", retry: "não", code: "invalid_card" },
  { returnCode: "6P", definition: "Transação não autorizada. Dados Inválidos", retry: "4 vezes em 16 dias", code: "invalid_card" },
];

/**
 * What the sandbox's codes mean (manual "Cartão de crédito em sandbox": the card number's
 * last digit picks the answer), by code without leading zeros. They are not ABECS: 57 is an
 * expired card here, and 70, 77, 78 and 99 are the sandbox's own.
 */
export const cieloSandboxReturnCodes: Readonly<Record<string, CieloDecline>> = {
  // Card ending 2, "Não Autorizada" with no reason: the generic ABECS 05, read as production
  // reads it (do_not_honor, reversible).
  "5": { code: "do_not_honor", retryable: true, reason: "Não Autorizada" },
  // Card ending 3. An expired card stays expired.
  "57": { code: "expired_card", retryable: false, reason: "Cartão Expirado" },
  // Card ending 5. A blocked card is the bank declining it (a block is lifted by the holder, as
  // ABECS 78 "CARTÃO NOVO SEM DESBLOQUEIO", reversible); nothing says it is lost or stolen.
  "78": { code: "card_declined", retryable: true, reason: "Cartão Bloqueado" },
  // Card ending 7. A canceled card never comes back.
  "77": { code: "card_declined", retryable: false, reason: "Cartão Cancelado" },
  // Card ending 8. "Problems with the credit card" are the card's (ReasonCode 12
  // ProblemsWithCreditCard), not the network's: the bank declined the card.
  "70": { code: "card_declined", retryable: false, reason: "Problemas com o Cartão de Crédito" },
  // Card ending 6 (and sometimes 9): Payment.Status 0, the authorization timed out.
  "99": { code: "processing_error", retryable: true, reason: "Time Out" },
};

/**
 * A return code as this module compares them: trimmed, upper case, inner spaces as one,
 * without leading zeros (`"05"` is `"5"`, `"n7"` is `"N7"`, `"00"` is `"0"`).
 */
export function normalizeCieloReturnCode(returnCode: string): string {
  return returnCode
    .trim()
    .toUpperCase()
    .replace(/\s+/g, " ")
    .replace(/^0+(?=.)/, "");
}

/** Each ABECS column's codes → the rows that use them, in the page's order. */
const abecsRowsByColumn = new Map<CieloAbecsColumn, Map<string, [CieloAbecsRow, ...CieloAbecsRow[]]>>(
  cieloAbecsColumns.map((column) => {
    const byCode = new Map<string, [CieloAbecsRow, ...CieloAbecsRow[]]>();
    for (const row of cieloAbecsReturnCodes) {
      for (const code of abecsCellCodes(row[column])) {
        const rows = byCode.get(code);
        if (rows === undefined) byCode.set(code, [row]);
        else rows.push(row);
      }
    }
    return [column, byCode];
  }),
);

/** A cell's codes: none for `"-"`, both for `"14 ou 56"`. */
function abecsCellCodes(cell: string): string[] {
  if (cell.trim() === "-") return [];
  return cell.split(" ou ").map(normalizeCieloReturnCode);
}

/**
 * The rows sharing one cell, read as one decline: the first row's code, every reason (joined
 * with " ou "), retryable only if every row is reversible.
 */
function abecsDecline(rows: readonly [CieloAbecsRow, ...CieloAbecsRow[]]): CieloDecline {
  return {
    code: rows[0].code,
    retryable: rows.every((row) => row.reversible),
    reason: [...new Set(rows.map((row) => row.reason))].join(" ou "),
  };
}

const otherByCode = new Map(
  cieloOtherReturnCodes.map((row) => [
    normalizeCieloReturnCode(row.returnCode),
    { code: row.code, retryable: row.retry !== "não" && row.retry !== "—", reason: row.definition },
  ]),
);

/**
 * The ABECS columns each brand is read with. Aura, JCB, Diners and Discover have no column
 * in Cielo's table: they are read with Visa's, as is a brand Cielo did not say or this
 * module does not know (Visa's column is the ABECS standard's plainest; Elo's has codes of
 * its own, 58 for an invalid store, AB/AC/P5/P6/FM).
 */
const brandColumns: Readonly<Record<CieloBrand, readonly CieloAbecsColumn[]>> = {
  Visa: ["visa"],
  Master: ["mastercardHiper"],
  Hipercard: ["mastercardHiper"],
  Hiper: ["mastercardHiper"],
  Elo: ["elo"],
  Amex: ["amex", "amexCieloMapping"],
  Aura: ["visa"],
  JCB: ["visa"],
  Diners: ["visa"],
  Discover: ["visa"],
};

const columnsByBrandName = new Map<string, readonly CieloAbecsColumn[]>(
  Object.entries(brandColumns).map(([brand, columns]) => [brand.toLowerCase(), columns]),
);
// Cielo writes "Master"; a caller handing over the network's full name means the same column.
columnsByBrandName.set("mastercard", brandColumns.Master);

/**
 * A declined authorization's `Payment.ReturnCode` → the standard decline, its retry rule and
 * Cielo's reason. Compares codes without leading zeros and case (`"05"` is `"5"`, `"n7"` is
 * `"N7"`). In `sandbox` the sandbox's own codes come first (57 is an expired card there);
 * then the brand's ABECS column (see `cieloAbecsReturnCodes`; a brand without one is read
 * with Visa's), then Cielo's own codes; any other code is `other`, not retryable.
 *
 * Call it for a denied payment only (`Payment.Status` 3, or 0 with a return code): the
 * code alone does not tell an approval, since ABECS 4 is Visa's "pick up card" and Cielo's
 * "authorized".
 */
export function cieloDeclineOf(
  returnCode: string,
  context: { environment: CieloEnvironment; brand: string | null },
): CieloDecline {
  const code = normalizeCieloReturnCode(returnCode);
  if (context.environment === "sandbox") {
    const sandbox = Object.hasOwn(cieloSandboxReturnCodes, code) ? cieloSandboxReturnCodes[code] : undefined;
    if (sandbox !== undefined) return { ...sandbox };
  }
  const columns = columnsByBrandName.get(context.brand?.trim().toLowerCase() ?? "") ?? brandColumns.Visa;
  for (const column of columns) {
    const rows = abecsRowsByColumn.get(column)?.get(code);
    if (rows !== undefined) return abecsDecline(rows);
  }
  const other = otherByCode.get(code);
  if (other !== undefined) return { ...other };
  return { code: "other", retryable: false, reason: `código de retorno ${returnCode.trim()} desconhecido` };
}

const approvalCodes: ReadonlySet<string> = new Set(["0", "4", "6", "11"]);

/**
 * Cielo's return codes of an authorization that went through: 4 (authorized, `Capture`
 * false), 6 (authorized and captured), 0/00 (zero auth, Pix, a partial void) and 11
 * ("autorizada com sucesso para cartão emitido no exterior", Cielo's own codes). Compared
 * without leading zeros. `Payment.Status` (1 or 2) is the authority: see `cieloDeclineOf`.
 */
export function isCieloApproval(returnCode: string): boolean {
  return approvalCodes.has(normalizeCieloReturnCode(returnCode));
}
