import type { Clock } from "../ports/clock";
import { addMilliseconds, type Instant, instantToMillis } from "../time/instant";

/** Why an access token was refused; `valid` when it may tokenize now. */
export type AccessTokenVerdict = "valid" | "missing" | "unknown" | "expired";

/**
 * The sandbox's per-checkout access tokens (Cielo's SOP `AccessToken` plays this part):
 * each lives `ttlSeconds` by the injected clock, and the tokenization endpoint refuses a
 * card posted without a live one.
 */
export interface TokenizationSessions {
  open(): { accessToken: string; expiresAt: Instant };
  check(accessToken: string | null): AccessTokenVerdict;
}

export function createTokenizationSessions(options: {
  clock: Clock;
  ttlSeconds: number;
  newToken: () => string;
}): TokenizationSessions {
  const live = new Map<string, Instant>();

  /** Long-expired tokens are forgotten, but only after a grace, so a late one still reads `expired`. */
  function purge(now: number): void {
    for (const [token, expiresAt] of live) {
      if (instantToMillis(expiresAt) + options.ttlSeconds * 1000 <= now) live.delete(token);
    }
  }

  return {
    open() {
      purge(instantToMillis(options.clock.now()));
      const accessToken = options.newToken();
      const expiresAt = addMilliseconds(options.clock.now(), options.ttlSeconds * 1000);
      live.set(accessToken, expiresAt);
      return { accessToken, expiresAt };
    },
    check(accessToken) {
      if (accessToken === null || accessToken === "") return "missing";
      const now = instantToMillis(options.clock.now());
      purge(now);
      const expiresAt = live.get(accessToken);
      if (expiresAt === undefined) return "unknown";
      return instantToMillis(expiresAt) <= now ? "expired" : "valid";
    },
  };
}
