import { composeServer } from "../composition/compose-server";
import type { CommandContext } from "./command-context";

/** `tessera migrate`: brings the database's schema up to date (the storage does it on open), then exits. */
export async function migrateCommand(ctx: CommandContext): Promise<number> {
  const parts = await composeServer(ctx.config, { logger: ctx.logger });
  await parts.close();
  const where = ctx.config.database.kind === "sqlite" ? ctx.config.database.filename : "PostgreSQL";
  ctx.logger.info("migrated", { database: ctx.config.database.kind });
  ctx.say(`The database is up to date (${where}).`);
  return 0;
}
