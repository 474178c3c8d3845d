import type { Id } from "../ids/id";
import { addMilliseconds, instantToMillis } from "../time/instant";
import { invalidFields } from "../validation/invalid-fields";
import { parseId } from "../validation/parse-id";
import { parseInput } from "../validation/parse-input";
import { type ApiKey, type ApiKeyRecord, apiKeyTouchEveryMs, publicApiKey } from "./api-key";
import { type ApiKeyInput, apiKeyInputSchema } from "./api-key-input";
import { apiKeyIdOfSecret, apiKeySecret } from "./api-key-secret";
import { newSecretToken, sameSecretHash, secretHash } from "./session-token";
import { checkedScope, notFound, requireOrganization, type StaffContext, unitOfScope } from "./staff-context";

/** A new key and its secret, which exists only here: storage keeps its SHA-256. */
export interface CreatedApiKey {
  apiKey: ApiKey;
  /** `tsk_<key id>_<43 characters>`: show it once, then it cannot be read again. */
  secret: string;
}

/**
 * Keys for the JSON API (`tessera.apiKeys`). A key acts with its own role and scope; the
 * server checks what it may do with the rules of `staff-access.ts`.
 *
 * @example
 * ```ts
 * const { apiKey, secret } = await tessera.apiKeys.create({
 *   organizationId, name: "Site", role: "staff", scope: { kind: "unit", unitId }, createdBy: owner.id,
 * });
 * // later, on each API request:
 * const key = await tessera.apiKeys.verify(bearerToken); // null: 401
 * ```
 */
export interface ApiKeyService {
  /** Makes a key; emits `api_key.created`. The secret is in the answer and nowhere else. */
  create(input: ApiKeyInput): Promise<CreatedApiKey>;
  /**
   * The active key a secret belongs to, or null (malformed, unknown, wrong, revoked). The
   * secret's hash is compared in constant time; a use is recorded at most once a minute.
   */
  verify(secret: string): Promise<ApiKey | null>;
  /** The organization's keys, revoked ones too, oldest first. */
  list(organizationId: Id<"organization">): Promise<ApiKey[]>;
  /** Revokes a key for good (`api_key.revoked`); a key already revoked is answered as it is. */
  revoke(id: Id<"apiKey">): Promise<ApiKey>;
}

export function createApiKeyService(ctx: StaffContext): ApiKeyService {
  return {
    async create(input) {
      const data = parseInput(apiKeyInputSchema, input, "API key");
      const organizationId = data.organizationId as Id<"organization">;
      await requireOrganization(ctx.storage, organizationId);
      const scope = await checkedScope(ctx.storage, organizationId, data.scope, "API key");
      const creator = await ctx.storage.staff.findById(data.createdBy as Id<"staffMember">);
      if (!creator || creator.organizationId !== organizationId || creator.status !== "active") {
        throw invalidFields("API key", [
          { path: ["createdBy"], code: "not_found", message: "must be an active member of the organization" },
        ]);
      }
      const id = ctx.ids("apiKey");
      const secret = apiKeySecret(id, newSecretToken(ctx.randomBytes));
      const key: ApiKeyRecord = {
        id,
        organizationId,
        name: data.name,
        role: data.role,
        scope,
        secretHash: secretHash(secret),
        createdBy: creator.id,
        status: "active",
        createdAt: ctx.clock.now(),
        lastUsedAt: null,
        revokedAt: null,
      };
      await ctx.storage.transaction(async (tx) => {
        await tx.apiKeys.insert(key);
        await tx.outbox.append([
          ctx.events("api_key.created", { apiKeyId: id, organizationId }, unitOfScope(scope)),
        ]);
      });
      return { apiKey: publicApiKey(key), secret };
    },

    async verify(secret) {
      const id = apiKeyIdOfSecret(secret);
      if (!id) return null;
      const key = await ctx.storage.apiKeys.findById(id);
      if (!key || !sameSecretHash(secretHash(secret), key.secretHash) || key.status !== "active") return null;
      const now = ctx.clock.now();
      const lastUsedBefore = addMilliseconds(now, -apiKeyTouchEveryMs);
      const due =
        key.lastUsedAt === null || instantToMillis(key.lastUsedAt) < instantToMillis(lastUsedBefore);
      const touched = due && (await ctx.storage.apiKeys.touch(id, { now, lastUsedBefore }));
      return publicApiKey(touched ? { ...key, lastUsedAt: now } : key);
    },

    async list(organizationId) {
      const keys = await ctx.storage.apiKeys.listByOrganization(
        parseId("organization", organizationId, "organizationId"),
      );
      return keys.map(publicApiKey);
    },

    async revoke(rawId) {
      const id = parseId("apiKey", rawId);
      const key = await ctx.storage.apiKeys.findById(id);
      if (!key) throw notFound("API key", id);
      if (key.status !== "active") return publicApiKey(key);
      const revoked = await ctx.storage.transaction(async (tx) => {
        const written = await tx.apiKeys.revoke(id, ctx.clock.now());
        if (written) {
          await tx.outbox.append([
            ctx.events(
              "api_key.revoked",
              { apiKeyId: id, organizationId: key.organizationId },
              unitOfScope(key.scope),
            ),
          ]);
        }
        return written;
      });
      // Null: someone revoked it first, and their revocation emitted the event.
      return publicApiKey(revoked ?? (await ctx.storage.apiKeys.findById(id)) ?? key);
    },
  };
}
