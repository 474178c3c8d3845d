/**
 * The `tessera` command: `serve`, `migrate`, `demo`. Run from source with
 * `node --conditions=@tessera/source --import tsx src/cli.ts serve` (what `npm start` does),
 * or through `bin/tessera.mjs`.
 * @module
 */
import { runCli } from "./cli/cli-runner";

const stopSignals = ["SIGINT", "SIGTERM"] as const;

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  waitForStop: () =>
    new Promise((resolve) => {
      for (const signal of stopSignals) {
        process.once(signal, () => {
          // A second signal while shutting down means "now".
          for (const again of stopSignals) process.once(again, () => process.exit(1));
          resolve(signal);
        });
      }
    }),
});
