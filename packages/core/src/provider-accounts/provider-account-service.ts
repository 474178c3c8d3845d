import { createAuditService } from "../audit/audit-service";
import { type FieldIssue, isTesseraError, TesseraError } from "../errors/tessera-error";
import type { Id } from "../ids/id";
import type { Unit } from "../organizations/unit";
import type { GatewayProvider } from "../ports/gateway-provider";
import { type AccessActor, canChangeUnitSettings } from "../staff/staff-access";
import { invalidFields } from "../validation/invalid-fields";
import { parseId, parseText } from "../validation/parse-id";
import { parseInput } from "../validation/parse-input";
import { maskedOptions, optionsRefusal, parseAccountOptions } from "./account-options";
import { loadProviderAccounts, type ProviderAccountLoadReport } from "./load-provider-accounts";
import {
  type ProviderAccount,
  type ProviderAccountInput,
  type ProviderAccountRecord,
  providerAccountInputSchema,
} from "./provider-account";
import {
  buildGateway,
  openOptions,
  type ProviderAccountContext,
  requireKeyring,
  sealOptions,
  webhookUrlOf,
} from "./provider-account-context";

/** Who acts: a signed-in member or an API key (its id says which), with its role and scope. */
export type ProviderAccountActor = AccessActor & { id: string };

/** Where the request came from, for the audit log. */
export interface ProviderAccountRequest {
  from?: string | null;
}

/** An account as shown, with the address its provider must notify. */
export interface ShownProviderAccount extends ProviderAccount {
  /** `<public URL>/webhooks/<id>`, or null when the installation has no public address. */
  webhookUrl: string | null;
}

/**
 * Units' accounts at payment providers (`tessera.providerAccounts`): each a gateway built
 * by its kind's `GatewayProvider` from settings sealed at rest, registered under the
 * account's id. Owners and managers of the unit (`canChangeUnitSettings`) make and change
 * them; for anyone else the unit does not exist (`not_found`), as across units. Every change
 * is in the audit log.
 *
 * @example
 * ```ts
 * const tessera = createTessera({ storage, credentialsKey, providers: [sandboxProvider, interProvider] });
 * await tessera.providerAccounts.loadAll(); // at start-up: registers every stored account
 * await tessera.providerAccounts.create(owner, {
 *   unitId, kind: "inter", id: "inter-centro", label: "Inter — Centro",
 *   options: { clientId: "…", clientSecret: "…", certificate: "-----BEGIN CERTIFICATE-----…" },
 * });
 * await tessera.organizations.updateUnit(unitId, {
 *   paymentMethods: [{ method: "boleto", gatewayId: "inter-centro", mode: "integrated" }],
 * });
 * ```
 */
export interface ProviderAccountService {
  /** The kinds accounts can be made of, as registered. */
  kinds(): readonly GatewayProvider[];
  /** Seals and stores a new account and registers its gateway. */
  create(
    actor: ProviderAccountActor,
    input: ProviderAccountInput,
    request?: ProviderAccountRequest,
  ): Promise<ShownProviderAccount>;
  /** New label or settings for an account (its unit and kind stay); its gateway is replaced. */
  update(
    actor: ProviderAccountActor,
    input: ProviderAccountInput,
    request?: ProviderAccountRequest,
  ): Promise<ShownProviderAccount>;
  /** The unit's accounts, secrets masked. */
  list(actor: ProviderAccountActor, unitId: Id<"unit">): Promise<ShownProviderAccount[]>;
  /** One account, or null when there is none the actor may change. */
  get(actor: ProviderAccountActor, id: string): Promise<ShownProviderAccount | null>;
  /**
   * Deletes an account and unregisters its gateway. Refused (`invalid_transition`,
   * `details.reason: "in_use"`) while a payment method of its unit names it.
   */
  remove(actor: ProviderAccountActor, id: string, request?: ProviderAccountRequest): Promise<void>;
  /** The gateway ids a unit's payment methods may name: createTessera's gateways and the unit's accounts. */
  gatewayIds(unitId: Id<"unit">): Promise<string[]>;
  /**
   * Registers every stored account (start-up). One that does not open (a wrong key), names
   * a kind not registered or whose settings the kind no longer accepts is skipped and
   * reported, never thrown; one sealed under a previous key is sealed again under the current.
   */
  loadAll(): Promise<ProviderAccountLoadReport>;
}

function unitNotFound(unitId: string): TesseraError {
  return new TesseraError("not_found", `The unit ${unitId} does not exist.`, {
    details: { entity: "unit", id: unitId },
  });
}

function accountNotFound(id: string): TesseraError {
  return new TesseraError("not_found", `The provider account ${id} does not exist.`, {
    details: { entity: "providerAccount", id },
  });
}

const actorOf = (actor: ProviderAccountActor) => ({
  kind: actor.id.startsWith("key_") ? ("api_key" as const) : ("staff" as const),
  id: actor.id,
});

export function createProviderAccountService(context: ProviderAccountContext): ProviderAccountService {
  const { ctx } = context;
  const audit = createAuditService(ctx);

  /** The unit, when the actor may change its settings; `not_found` otherwise. */
  const changeableUnit = async (actor: ProviderAccountActor, unitId: unknown): Promise<Unit> => {
    const id = parseId("unit", unitId, "unitId");
    const unit = await ctx.storage.units.findById(id);
    if (!unit || !canChangeUnitSettings(actor, unit)) throw unitNotFound(id);
    return unit;
  };

  const providerOf = (kind: string): GatewayProvider => {
    const provider = context.providers.get(kind);
    if (!provider) {
      throw invalidFields("provider account", [
        {
          path: ["kind"],
          code: "unknown_kind",
          message: `must be one of ${[...context.providers.keys()].join(", ") || "(none registered)"}`,
        },
      ]);
    }
    return provider;
  };

  /**
   * The input and the kind's settings checked together, so a form shows every problem at
   * once — a bad id and a short secret — rather than one per try.
   */
  const parseAll = (
    input: unknown,
    stored: Record<string, unknown> | null,
  ): { data: ProviderAccountInput; provider: GatewayProvider; options: Record<string, unknown> } => {
    const issues: FieldIssue[] = [];
    const collect = <T>(parse: () => T): T | null => {
      try {
        return parse();
      } catch (error) {
        if (!isTesseraError(error, "validation_failed")) throw error;
        issues.push(...(error.details.issues ?? []));
        return null;
      }
    };
    const data = collect(() => parseInput(providerAccountInputSchema, input, "provider account"));
    const raw = (input ?? {}) as Partial<Record<keyof ProviderAccountInput, unknown>>;
    const kind = data?.kind ?? (typeof raw.kind === "string" ? raw.kind : "");
    const provider = issues.some((issue) => issue.path[0] === "kind")
      ? null
      : collect(() => providerOf(kind));
    const given =
      data?.options ?? (raw.options !== null && typeof raw.options === "object" ? raw.options : null);
    const options =
      provider && given
        ? collect(() => parseAccountOptions(provider, given as Record<string, unknown>, stored))
        : null;
    if (issues.length > 0 || !data || !provider || !options) throw invalidFields("provider account", issues);
    return { data, provider, options };
  };

  const shown = (
    record: ProviderAccountRecord,
    options: Record<string, unknown> | null,
  ): ShownProviderAccount => {
    const provider = context.providers.get(record.kind);
    return {
      id: record.id,
      organizationId: record.organizationId,
      unitId: record.unitId,
      kind: record.kind,
      label: record.label,
      maskedOptions: provider && options ? maskedOptions(provider, options) : {},
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      version: record.version,
      webhookUrl: webhookUrlOf(context, record.id, provider),
    };
  };

  /** Opened for display: an account that does not open is listed with no settings, not thrown. */
  const shownOpened = (record: ProviderAccountRecord): ShownProviderAccount => {
    try {
      return shown(record, openOptions(context, record));
    } catch (error) {
      if (isTesseraError(error, "configuration_invalid")) return shown(record, null);
      throw error;
    }
  };

  const record = (
    actor: ProviderAccountActor,
    action: string,
    account: ProviderAccountRecord,
    request?: ProviderAccountRequest,
    fields?: string,
  ) =>
    audit.record({
      organizationId: account.organizationId,
      actor: actorOf(actor),
      action,
      subject: { kind: "provider_account", id: account.id },
      from: request?.from ?? null,
      details: { kind: account.kind, unitId: account.unitId, ...(fields === undefined ? {} : { fields }) },
    });

  return {
    kinds: () => [...context.providers.values()],

    async create(actor, input, request) {
      const unit = await changeableUnit(actor, (input as Partial<ProviderAccountInput> | null)?.unitId);
      requireKeyring(context);
      const { data, provider, options } = parseAll(input, null);
      if (context.fixedGatewayIds.has(data.id)) {
        throw invalidFields("provider account", [
          { path: ["id"], code: "taken", message: `"${data.id}" is already a gateway's id` },
        ]);
      }
      let gateway: ReturnType<typeof buildGateway>;
      try {
        gateway = buildGateway(context, provider, data.id, options);
      } catch (error) {
        throw optionsRefusal(error);
      }
      const now = ctx.clock.now();
      const account: ProviderAccountRecord = {
        id: data.id,
        organizationId: unit.organizationId,
        unitId: unit.id,
        kind: provider.kind,
        label: data.label,
        sealedOptions: sealOptions(context, { id: data.id, unitId: unit.id, kind: provider.kind }, options),
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      try {
        await ctx.storage.providerAccounts.insert(account);
      } catch (error) {
        if (!isTesseraError(error, "conflict")) throw error;
        throw invalidFields("provider account", [
          { path: ["id"], code: "taken", message: `"${data.id}" is already a provider account's id` },
        ]);
      }
      ctx.gateways.register(gateway);
      await record(actor, "provider_account.created", account, request);
      return shown(account, options);
    },

    async update(actor, input, request) {
      const raw = (input ?? {}) as Partial<Record<keyof ProviderAccountInput, unknown>>;
      const unit = await changeableUnit(actor, raw.unitId);
      const id = parseText(raw.id, "id", 64);
      const stored = await ctx.storage.providerAccounts.findById(id);
      if (!stored || stored.unitId !== unit.id) throw accountNotFound(id);
      if (raw.kind !== stored.kind) {
        throw invalidFields("provider account", [
          {
            path: ["kind"],
            code: "immutable",
            message: `stays ${stored.kind}; make a new account for another kind`,
          },
        ]);
      }
      requireKeyring(context);
      // A previous value that no longer opens (the key was lost) keeps nothing: every secret must be typed again.
      let previous: Record<string, unknown> | null = null;
      try {
        previous = openOptions(context, stored);
      } catch (error) {
        if (!isTesseraError(error, "configuration_invalid")) throw error;
      }
      const { data, provider, options } = parseAll(input, previous);
      let gateway: ReturnType<typeof buildGateway>;
      try {
        gateway = buildGateway(context, provider, stored.id, options);
      } catch (error) {
        throw optionsRefusal(error);
      }
      const written = await ctx.storage.providerAccounts.update({
        ...stored,
        label: data.label,
        sealedOptions: sealOptions(context, stored, options),
        updatedAt: ctx.clock.now(),
      });
      ctx.gateways.register(gateway);
      const changed = Object.keys(provider.optionsSchema.shape).filter(
        (field) => JSON.stringify(options[field]) !== JSON.stringify(previous?.[field]),
      );
      await record(actor, "provider_account.updated", written, request, changed.join(","));
      return shown(written, options);
    },

    async list(actor, unitId) {
      const unit = await changeableUnit(actor, unitId);
      const records = await ctx.storage.providerAccounts.listByUnit(unit.id);
      return records.map(shownOpened);
    },

    async get(actor, id) {
      const stored = await ctx.storage.providerAccounts.findById(parseText(id, "id", 64));
      if (!stored) return null;
      const unit = await ctx.storage.units.findById(stored.unitId);
      if (!unit || !canChangeUnitSettings(actor, unit)) return null;
      return shownOpened(stored);
    },

    async remove(actor, id, request) {
      const stored = await ctx.storage.providerAccounts.findById(parseText(id, "id", 64));
      if (!stored) throw accountNotFound(id);
      const unit = await ctx.storage.units.findById(stored.unitId);
      if (!unit || !canChangeUnitSettings(actor, unit)) throw accountNotFound(id);
      const naming = unit.paymentMethods.filter((method) => method.gatewayId === stored.id);
      if (naming.length > 0) {
        throw new TesseraError(
          "invalid_transition",
          `The provider account ${stored.id} is in use by the unit's payment methods (${naming.map((m) => m.method).join(", ")}); point them at another account first.`,
          {
            details: {
              entity: "providerAccount",
              id: stored.id,
              reason: "in_use",
              methods: naming.map((m) => m.method),
            },
          },
        );
      }
      if (!(await ctx.storage.providerAccounts.delete(stored.id, stored.version))) {
        throw new TesseraError("conflict", `The provider account ${stored.id} was changed by someone else.`, {
          details: { entity: "providerAccount", id: stored.id },
        });
      }
      ctx.gateways.remove(stored.id);
      await record(actor, "provider_account.removed", stored, request);
    },

    async gatewayIds(unitId) {
      const id = parseId("unit", unitId, "unitId");
      const own = await ctx.storage.providerAccounts.listByUnit(id);
      return [...context.fixedGatewayIds, ...own.map((account) => account.id)];
    },

    loadAll: () => loadProviderAccounts(context),
  };
}
