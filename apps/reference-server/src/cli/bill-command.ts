import { composeServer } from "../composition/compose-server";
import { billReportLines } from "./bill-report-text";
import type { CommandContext } from "./command-context";

/**
 * `tessera bill`: one billing run over every unit — next periods, due installments charged,
 * the dunning schedule, renewals, reminders — then exits, printing what it did. Safe beside running servers and
 * other `bill`s: claims are leased, so none charges what another took.
 */
export async function billCommand(ctx: CommandContext): Promise<number> {
  const parts = await composeServer(ctx.config, { logger: ctx.logger });
  try {
    const report = await parts.tessera.billing.run();
    ctx.logger.info("billing run", { ...report });
    for (const line of billReportLines(report)) ctx.say(line);
    return report.errors.length > 0 ? 1 : 0;
  } finally {
    await parts.close();
  }
}
