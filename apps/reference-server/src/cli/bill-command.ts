import { composeServer } from "../composition/compose-server";
import type { CommandContext } from "./command-context";

/**
 * `tessera bill`: one billing run over every unit — next periods, due installments charged,
 * the dunning schedule — then exits, printing what it did. Safe beside running servers and
 * other `bill`s: claims are leased, so none charges what another took.
 */
export async function billCommand(ctx: CommandContext): Promise<number> {
  const parts = await composeServer(ctx.config, { logger: ctx.logger });
  try {
    const report = await parts.tessera.billing.run();
    ctx.logger.info("billing run", { ...report });
    const counts = Object.entries(report.outcomes)
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => `${kind} ${count}`)
      .join(", ");
    ctx.say(
      `Billed: ${report.claimed} installment(s) due, ${report.periodsScheduled} new period(s)${counts ? ` — ${counts}` : ""}.`,
    );
    for (const error of report.errors) ctx.say(`  error on ${error.installmentId}: ${error.message}`);
    return report.errors.length > 0 ? 1 : 0;
  } finally {
    await parts.close();
  }
}
