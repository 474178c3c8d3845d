/** A `txid` of a `cob` or `cobv` created by `PUT`: 26 to 35 letters and digits (API Pix 2.9.0, `TxId`). */
export const txidPattern = /^[a-zA-Z0-9]{26,35}$/;

/** A devolução's `id`, ours: 1 to 35 letters and digits, unique per Pix (`DevolucaoId`). */
export const devolucaoIdPattern = /^[a-zA-Z0-9]{1,35}$/;

export function isTxid(text: string): boolean {
  return txidPattern.test(text);
}

export function isDevolucaoId(text: string): boolean {
  return devolucaoIdPattern.test(text);
}
