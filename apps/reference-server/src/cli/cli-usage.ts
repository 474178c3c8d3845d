import { configFileVariable, environmentVariables } from "../config/environment-variables";

/** The text of `tessera --help`. */
export function cliUsage(): string {
  const width =
    Math.max(...environmentVariables.map((v) => v.variable.length), configFileVariable.length) + 2;
  const variables = [
    ...environmentVariables.map((v) => `  ${v.variable.padEnd(width)}${v.description}`),
    `  ${configFileVariable.padEnd(width)}a JSON file of the same settings (default ./tessera.config.json); variables win`,
  ];
  return [
    "Usage: tessera <command>",
    "",
    "Commands:",
    "  serve     start the server (migrates, seeds the demo when TESSERA_DEMO is on) and print its address",
    "  migrate   bring the database schema up to date, then exit",
    "  demo      seed the demo studio (Estúdio Aurora) unless it exists, then exit",
    "  bill      run the billing run once (next periods, due installments, dunning), print what it did, then exit",
    "",
    "Options:",
    "  -h, --help   show this help",
    "",
    "Environment variables:",
    ...variables,
    "",
  ].join("\n");
}
