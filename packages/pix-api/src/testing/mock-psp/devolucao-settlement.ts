import { announcePix } from "./pix-callbacks";
import type { DevolucaoEntry } from "./psp-books";
import type { PspContext } from "./psp-context";

/**
 * A devolução reaching a final status, `DEVOLVIDO` (the money went back, `horario.liquidacao`
 * set) or `NAO_REALIZADO` (it did not, with a `motivo`); the PSP then tells the webhook
 * again, the Pix with its `devolucoes` (spec, callback `listaPix`).
 */
export function settleDevolucao(
  context: PspContext,
  entry: DevolucaoEntry,
  status: "DEVOLVIDO" | "NAO_REALIZADO",
): void {
  if (entry.status !== "EM_PROCESSAMENTO") {
    throw new Error(`devolução ${entry.id} of ${entry.endToEndId} is already ${entry.status}`);
  }
  entry.status = status;
  if (status === "DEVOLVIDO") entry.liquidacao = context.clock.now();
  else entry.motivo = "Devolução não realizada pelo PSP do pagador.";
  announcePix(context, [entry.endToEndId]);
}
