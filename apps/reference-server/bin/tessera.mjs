#!/usr/bin/env node
// The `tessera` command. Runs the built CLI (dist/cli.js) when the package was built;
// otherwise runs the TypeScript source through tsx, resolving @tessera/* packages to their
// sources — the same way `npm start` does in a fresh clone.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const built = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

if (existsSync(built)) {
  await import(built);
} else {
  const source = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
  // The child gets a process group of its own, so a Ctrl-C reaches it once — from us —
  // rather than twice (the terminal's and ours), which it would read as "stop now".
  const child = spawn(
    process.execPath,
    ["--conditions=@tessera/source", "--import", "tsx", source, ...process.argv.slice(2)],
    { stdio: ["ignore", "inherit", "inherit"], detached: true },
  );
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => {
    process.exitCode = code ?? (signal === "SIGINT" ? 130 : 143);
  });
}
