import { composeServer } from "../composition/compose-server";
import { seedDemo } from "../demo/demo-seed";
import type { CommandContext } from "./command-context";

/** `tessera demo`: seeds the demo studio unless it exists, then exits. */
export async function demoCommand(ctx: CommandContext): Promise<number> {
  const parts = await composeServer(ctx.config, { logger: ctx.logger });
  try {
    const result = await seedDemo(parts.tessera);
    ctx.logger.info(result.created ? "demo seeded" : "demo already present", { unit: result.unit.slug });
    ctx.say(
      result.created
        ? `Seeded the demo studio: unit "${result.unit.slug}" with ${result.plans.length} plans. Back office (/admin): ${result.owner.email}, password ${result.owner.password} (shown only now).`
        : `The demo studio is already there (unit "${result.unit.slug}"); nothing changed.`,
    );
  } finally {
    await parts.close();
  }
  return 0;
}
