import { createTessera } from "@tessera/core";
import { seedDemo } from "../demo/demo-seed";
import { openStorage } from "../storage/open-storage";
import type { CommandContext } from "./command-context";

/** `tessera demo`: seeds the demo studio unless it exists, then exits. */
export async function demoCommand(ctx: CommandContext): Promise<number> {
  const storage = await openStorage(ctx.config.database);
  try {
    await storage.migrate();
    const result = await seedDemo(createTessera({ storage }));
    ctx.logger.info(result.created ? "demo seeded" : "demo already present", { unit: result.unit.slug });
    ctx.say(
      result.created
        ? `Seeded the demo studio: unit "${result.unit.slug}" with ${result.plans.length} plans.`
        : `The demo studio is already there (unit "${result.unit.slug}"); nothing changed.`,
    );
  } finally {
    await storage.close();
  }
  return 0;
}
