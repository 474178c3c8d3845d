import { openStorage } from "../storage/open-storage";
import type { CommandContext } from "./command-context";

/** `tessera migrate`: brings the database's schema up to date, then exits. */
export async function migrateCommand(ctx: CommandContext): Promise<number> {
  const storage = await openStorage(ctx.config.database);
  try {
    await storage.migrate();
  } finally {
    await storage.close();
  }
  const where = ctx.config.database.kind === "sqlite" ? ctx.config.database.filename : "PostgreSQL";
  ctx.logger.info("migrated", { database: ctx.config.database.kind });
  ctx.say(`The database is up to date (${where}).`);
  return 0;
}
