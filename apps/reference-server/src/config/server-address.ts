import type { ServerConfig } from "./server-config";

/** A host a browser on this machine can open: the loopback for "every interface", IPv6 in brackets. */
function browsableHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * The address people reach the server at, with a trailing slash: `TESSERA_PUBLIC_URL` when
 * set, else the listening address (`port`: the one actually bound, which differs from the
 * configured one when that is 0). What `serve` prints, and the origin of every absolute
 * link the server mails (a link in an e-mail needs one).
 */
export function serverBaseUrl(
  config: Pick<ServerConfig, "publicUrl" | "host" | "port">,
  port: number = config.port,
): string {
  return config.publicUrl ?? `http://${browsableHost(config.host)}:${port}/`;
}
