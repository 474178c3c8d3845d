import { expect } from "vitest";
import type { AuditEntry } from "../../audit/audit-entry";
import type { Id } from "../../ids/id";
import type { FailedLogin, Repositories } from "../../ports/storage";
import type { ApiKeyRecord } from "../../staff/api-key";
import type { StaffMemberRecord } from "../../staff/staff-member";
import type { StaffSession } from "../../staff/staff-session";
import { addMilliseconds, type Instant } from "../../time/instant";
import { expectTesseraError } from "./expect-tessera-error";
import { type Fixtures, fixtureNow, seedWorld, type World } from "./fixtures";
import { rawInstant, rawJson, rawNumber } from "./raw-values";
import type { ScenarioContext, StorageScenario } from "./storage-scenario";

const minutes = (n: number) => n * 60 * 1000;
const at = (ms: number): Instant => addMilliseconds(fixtureNow, ms);

/** Five failures in fifteen minutes lock for fifteen (the service's numbers, as data here). */
const failure = (now: Instant, limit = 5): FailedLogin => ({
  now,
  windowMs: minutes(15),
  limit,
  lockMs: minutes(15),
});

function staffMemberOf(
  fixtures: Fixtures,
  world: World,
  overrides: Partial<StaffMemberRecord> = {},
): StaffMemberRecord {
  const id = fixtures.ids("staffMember");
  return {
    id,
    organizationId: world.organization.id,
    name: "Joana Prado",
    email: `joana.${id.slice(4).toLowerCase()}@example.com`,
    role: "manager",
    scope: { kind: "unit", unitId: world.unit.id },
    status: "active",
    passwordHash: `scrypt$${"ab".repeat(16)}$${"cd".repeat(32)}`,
    failedLogins: 0,
    failedLoginsSince: null,
    lockedUntil: null,
    createdAt: fixtureNow,
    updatedAt: fixtureNow,
    version: 1,
    ...overrides,
  };
}

function sessionOf(fixtures: Fixtures, staffId: Id<"staffMember">, overrides: Partial<StaffSession> = {}) {
  const id = fixtures.ids("staffSession");
  const session: StaffSession = {
    id,
    staffId,
    tokenHash: `${id.slice(-26).toLowerCase()}${"0".repeat(38)}`,
    csrfSecret: "c2VjcmV0LWNzcmYtc2VjcmV0LWNzcmYtc2VjcmV0LWNzcmY",
    from: "203.0.113.7",
    createdAt: fixtureNow,
    expiresAt: at(minutes(12 * 60)),
    lastUsedAt: fixtureNow,
    revokedAt: null,
    ...overrides,
  };
  return session;
}

function apiKeyOf(fixtures: Fixtures, world: World, createdBy: Id<"staffMember">): ApiKeyRecord {
  return {
    id: fixtures.ids("apiKey"),
    organizationId: world.organization.id,
    name: "Site WordPress",
    role: "staff",
    scope: { kind: "unit", unitId: world.unit.id },
    secretHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    createdBy,
    status: "active",
    createdAt: fixtureNow,
    lastUsedAt: null,
    revokedAt: null,
  };
}

async function withMember(context: ScenarioContext, overrides: Partial<StaffMemberRecord> = {}) {
  const world = await seedWorld(context.storage, context.fixtures);
  const member = staffMemberOf(context.fixtures, world, overrides);
  await context.storage.staff.insert(member);
  return { world, member };
}

/** Runs `calls` at once, alternating between the storage and a second connection when there is one. */
async function racing<T>(
  context: ScenarioContext,
  calls: number,
  call: (repositories: Repositories) => Promise<T>,
): Promise<T[]> {
  const second = context.openSecondConnection ? await context.openSecondConnection() : null;
  try {
    return await Promise.all(
      Array.from({ length: calls }, (_, index) => call(index % 2 === 1 && second ? second : context.storage)),
    );
  } finally {
    await second?.close();
  }
}

/** Staff members, their sessions, API keys and the audit log. */
export const staffScenarios = {
  staffMemberRoundTrip: {
    title:
      "stores a staff member exactly and finds them by id, by e-mail and by organization; the scope is two columns",
    async run({ storage, readRows, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const owner = staffMemberOf(fixtures, world, { role: "owner", scope: { kind: "organization" } });
      const desk = staffMemberOf(fixtures, world, {
        role: "staff",
        failedLogins: 2,
        failedLoginsSince: fixtureNow,
        lockedUntil: at(minutes(15)),
      });
      await storage.staff.insert(owner);
      await storage.staff.insert(desk);
      expect(await storage.staff.findById(desk.id)).toEqual(desk);
      expect(await storage.staff.findByEmail(owner.email)).toEqual(owner);
      expect(await storage.staff.findByEmail("nobody@example.com")).toBeNull();
      expect(await storage.staff.listByOrganization(world.organization.id)).toEqual([owner, desk]);
      const [ownerRow] = await readRows("staff_members", { id: owner.id });
      expect(ownerRow).toMatchObject({ scope_kind: "organization", scope_unit_id: null, email: owner.email });
      const [deskRow] = await readRows("staff_members", { id: desk.id });
      expect(deskRow).toMatchObject({ scope_kind: "unit", scope_unit_id: world.unit.id, role: "staff" });
      expect(rawInstant(deskRow?.locked_until)).toBe(desk.lockedUntil);
    },
  },

  staffEmailUniqueInInstallation: {
    title: "refuses a second staff member with the same e-mail, even in another organization, with conflict",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const other = await seedWorld(storage, fixtures);
      const first = staffMemberOf(fixtures, world, { email: "joana@example.com" });
      await storage.staff.insert(first);
      const error = await expectTesseraError(
        storage.staff.insert(
          staffMemberOf(fixtures, other, { email: "joana@example.com", scope: { kind: "organization" } }),
        ),
        "conflict",
      );
      expect(error.details.entity).toBe("staffMember");
      expect(await storage.staff.listByOrganization(other.organization.id)).toEqual([]);
    },
  },

  staffMemberUpdateByVersion: {
    title:
      "updates a staff member by version (a stale version is conflict) and never writes the log-in counters",
    async run(context) {
      const { storage, readRows } = context;
      const { member } = await withMember(context);
      await storage.staff.recordFailedLogin(member.id, failure(fixtureNow));
      const changed = {
        ...member,
        name: "Joana P. Prado",
        role: "staff" as const,
        scope: { kind: "organization" as const },
        status: "disabled" as const,
        passwordHash: `scrypt$${"ef".repeat(16)}$${"01".repeat(32)}`,
        updatedAt: at(1000),
      };
      const stored = await storage.staff.update(changed);
      expect(stored).toEqual({ ...changed, failedLogins: 1, failedLoginsSince: fixtureNow, version: 2 });
      const [row] = await readRows("staff_members", { id: member.id });
      expect(rawNumber(row?.version)).toBe(2);
      expect(rawNumber(row?.failed_logins)).toBe(1);
      expect(row?.password_hash).toBe(changed.passwordHash);
      expect(row?.scope_unit_id).toBeNull();
      const stale = await expectTesseraError(storage.staff.update({ ...changed, name: "Outra" }), "conflict");
      expect(stale.details).toMatchObject({ entity: "staffMember", id: member.id });
      await expectTesseraError(
        storage.staff.update({ ...changed, id: "stf_01JQ0000000000000000000000" }),
        "not_found",
      );
    },
  },

  staffFailedLoginsLockAtTheLimit: {
    title:
      "counts wrong passwords within the window, locks at the limit, counts nothing while locked, and starts again after the window",
    async run(context) {
      const { storage, readRows } = context;
      const { member } = await withMember(context);
      for (let i = 1; i <= 4; i++) {
        expect(await storage.staff.recordFailedLogin(member.id, failure(at(minutes(i))))).toEqual({
          failedLogins: i,
          lockedUntil: null,
        });
      }
      const lockedUntil = at(minutes(5) + minutes(15));
      expect(await storage.staff.recordFailedLogin(member.id, failure(at(minutes(5))))).toEqual({
        failedLogins: 5,
        lockedUntil,
      });
      // While locked, a failure changes nothing.
      expect(await storage.staff.recordFailedLogin(member.id, failure(at(minutes(10))))).toEqual({
        failedLogins: 5,
        lockedUntil,
      });
      const [row] = await readRows("staff_members", { id: member.id });
      expect(rawNumber(row?.failed_logins)).toBe(5);
      expect(rawInstant(row?.failed_logins_since)).toBe(at(minutes(1)));
      expect(rawInstant(row?.locked_until)).toBe(lockedUntil);
      // After the lock, the window (opened at minute 1) has closed: a new count starts at 1.
      expect(await storage.staff.recordFailedLogin(member.id, failure(at(minutes(21))))).toEqual({
        failedLogins: 1,
        lockedUntil,
      });
      const [after] = await readRows("staff_members", { id: member.id });
      expect(rawInstant(after?.failed_logins_since)).toBe(at(minutes(21)));
      expect(
        await storage.staff.recordFailedLogin("stf_01JQ0000000000000000000000", failure(fixtureNow)),
      ).toBeNull();
    },
  },

  staffFailedLoginsOutsideWindowRestart: {
    title: "starts a new count when the window's first failure is fifteen minutes old or more",
    async run(context) {
      const { storage } = context;
      const { member } = await withMember(context);
      await storage.staff.recordFailedLogin(member.id, failure(fixtureNow));
      await storage.staff.recordFailedLogin(member.id, failure(at(minutes(14))));
      expect(await storage.staff.recordFailedLogin(member.id, failure(at(minutes(15))))).toEqual({
        failedLogins: 1,
        lockedUntil: null,
      });
    },
  },

  staffConcurrentFailedLoginsAllCount: {
    title:
      "counts every one of many wrong passwords at once, across connections, and locks exactly at the limit",
    timeoutMs: 60_000,
    async run(context) {
      const { readRows } = context;
      const { member } = await withMember(context);
      await racing(context, 12, (repositories) =>
        repositories.staff.recordFailedLogin(member.id, failure(fixtureNow, 100)),
      );
      const [row] = await readRows("staff_members", { id: member.id });
      expect(rawNumber(row?.failed_logins)).toBe(12);

      const { member: other } = await withMember(context, { scope: { kind: "organization" } });
      const results = await racing(context, 12, (repositories) =>
        repositories.staff.recordFailedLogin(other.id, failure(fixtureNow, 5)),
      );
      const [locked] = await readRows("staff_members", { id: other.id });
      expect(rawNumber(locked?.failed_logins)).toBe(5);
      expect(rawInstant(locked?.locked_until)).toBe(at(minutes(15)));
      expect(
        results.every((result) => result?.lockedUntil === at(minutes(15)) || (result?.failedLogins ?? 0) < 5),
      ).toBe(true);
    },
  },

  staffSuccessfulLoginClearsUnlessLocked: {
    title: "clears the log-in counters after a right password, but not while the member is locked",
    async run(context) {
      const { storage, readRows } = context;
      const { member } = await withMember(context);
      await storage.staff.recordFailedLogin(member.id, failure(fixtureNow));
      await storage.staff.recordFailedLogin(member.id, failure(fixtureNow));
      expect(await storage.staff.recordSuccessfulLogin(member.id, at(1000))).toBe(true);
      const [cleared] = await readRows("staff_members", { id: member.id });
      expect(rawNumber(cleared?.failed_logins)).toBe(0);
      expect(cleared?.failed_logins_since).toBeNull();
      expect(cleared?.locked_until).toBeNull();

      for (let i = 0; i < 5; i++) await storage.staff.recordFailedLogin(member.id, failure(fixtureNow));
      expect(await storage.staff.recordSuccessfulLogin(member.id, at(minutes(14)))).toBe(false);
      const [still] = await readRows("staff_members", { id: member.id });
      expect(rawNumber(still?.failed_logins)).toBe(5);
      expect(await storage.staff.recordSuccessfulLogin(member.id, at(minutes(15)))).toBe(true);
      expect((await storage.staff.findById(member.id))?.lockedUntil).toBeNull();
    },
  },

  staffSessionRoundTrip: {
    title:
      "stores a session by its token hash (unique), records a use only when the last is old enough, and revokes once",
    async run(context) {
      const { storage, readRows, fixtures } = context;
      const { member } = await withMember(context);
      const session = sessionOf(fixtures, member.id);
      await storage.staffSessions.insert(session);
      expect(await storage.staffSessions.findByTokenHash(session.tokenHash)).toEqual(session);
      expect(await storage.staffSessions.findByTokenHash("f".repeat(64))).toBeNull();
      const duplicate = await expectTesseraError(
        storage.staffSessions.insert(sessionOf(fixtures, member.id, { tokenHash: session.tokenHash })),
        "conflict",
      );
      expect(duplicate.details.entity).toBe("staffSession");

      // The last use (fixtureNow) is not before fixtureNow: no write.
      expect(
        await storage.staffSessions.touch(session.id, { now: at(30_000), lastUsedBefore: fixtureNow }),
      ).toBe(false);
      expect(
        await storage.staffSessions.touch(session.id, { now: at(61_000), lastUsedBefore: at(1_000) }),
      ).toBe(true);
      const [row] = await readRows("staff_sessions", { id: session.id });
      expect(rawInstant(row?.last_used_at)).toBe(at(61_000));
      expect(row?.token_hash).toBe(session.tokenHash);
      expect(row?.from_address).toBe("203.0.113.7");

      expect(await storage.staffSessions.revoke(session.id, at(90_000))).toBe(true);
      expect(await storage.staffSessions.revoke(session.id, at(95_000))).toBe(false);
      expect((await storage.staffSessions.findByTokenHash(session.tokenHash))?.revokedAt).toBe(at(90_000));
      expect(
        await storage.staffSessions.touch(session.id, {
          now: at(minutes(10)),
          lastUsedBefore: at(minutes(9)),
        }),
      ).toBe(false);
    },
  },

  staffSessionsRevokedTogether: {
    title: "ends every live session of one member at once, and no other member's",
    async run(context) {
      const { storage, readRows, fixtures } = context;
      const { world, member } = await withMember(context);
      const other = staffMemberOf(fixtures, world);
      await storage.staff.insert(other);
      const ended = sessionOf(fixtures, member.id, { revokedAt: fixtureNow });
      const live = [sessionOf(fixtures, member.id), sessionOf(fixtures, member.id)];
      const others = sessionOf(fixtures, other.id);
      for (const session of [ended, ...live, others]) await storage.staffSessions.insert(session);
      expect(await storage.staffSessions.revokeAllOfStaff(member.id, at(5_000))).toBe(2);
      const rows = await readRows("staff_sessions", { staff_id: member.id });
      expect(rows.map((row) => rawInstant(row.revoked_at)).sort()).toEqual([
        fixtureNow,
        at(5_000),
        at(5_000),
      ]);
      const [untouched] = await readRows("staff_sessions", { id: others.id });
      expect(untouched?.revoked_at).toBeNull();
    },
  },

  apiKeyRoundTrip: {
    title:
      "stores an API key exactly, lists an organization's keys, revokes it once even when raced, and records uses at most per threshold",
    timeoutMs: 60_000,
    async run(context) {
      const { storage, readRows, fixtures } = context;
      const { world, member } = await withMember(context);
      const key = apiKeyOf(fixtures, world, member.id);
      const orgKey = {
        ...apiKeyOf(fixtures, world, member.id),
        role: "owner" as const,
        scope: { kind: "organization" as const },
      };
      await storage.apiKeys.insert(key);
      await storage.apiKeys.insert(orgKey);
      expect(await storage.apiKeys.findById(key.id)).toEqual(key);
      expect(await storage.apiKeys.listByOrganization(world.organization.id)).toEqual([key, orgKey]);
      const [row] = await readRows("api_keys", { id: key.id });
      expect(row).toMatchObject({
        secret_hash: key.secretHash,
        scope_kind: "unit",
        scope_unit_id: world.unit.id,
      });

      expect(await storage.apiKeys.touch(key.id, { now: at(1_000), lastUsedBefore: fixtureNow })).toBe(true);
      expect(await storage.apiKeys.touch(key.id, { now: at(2_000), lastUsedBefore: at(1_000) })).toBe(false);
      expect((await storage.apiKeys.findById(key.id))?.lastUsedAt).toBe(at(1_000));

      const revocations = await racing(context, 4, (repositories) =>
        repositories.apiKeys.revoke(key.id, at(3_000)),
      );
      expect(revocations.filter((revoked) => revoked !== null)).toEqual([
        { ...key, lastUsedAt: at(1_000), status: "revoked", revokedAt: at(3_000) },
      ]);
      const [revokedRow] = await readRows("api_keys", { id: key.id });
      expect(revokedRow?.status).toBe("revoked");
      expect(
        await storage.apiKeys.touch(key.id, { now: at(minutes(5)), lastUsedBefore: at(minutes(4)) }),
      ).toBe(false);
      expect(await storage.apiKeys.revoke("key_01JQ0000000000000000000000", at(3_000))).toBeNull();
    },
  },

  auditLogNewestFirst: {
    title: "appends audit entries exactly and pages an organization's log newest first, without another's",
    async run({ storage, readRows, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const other = await seedWorld(storage, fixtures);
      const entry = (organizationId: Id<"organization">, n: number): AuditEntry => ({
        id: fixtures.ids("auditEntry"),
        organizationId,
        actor:
          n % 2
            ? { kind: "staff", id: "stf_01JQ00000000000000000000AA" }
            : { kind: "api_key", id: "key_01JQ00000000000000000000BB" },
        action: "plan.updated",
        subject: n % 3 ? { kind: "plan", id: world.plan.id } : null,
        from: n % 2 ? "2001:db8::1" : null,
        details: {
          field: "price",
          before: 12_990 + n,
          after: 14_990,
          note: "ação ✓",
          archived: false,
          reason: null,
        },
        occurredAt: at(n * 1000),
      });
      const mine = [1, 2, 3, 4, 5].map((n) => entry(world.organization.id, n));
      const theirs = entry(other.organization.id, 6);
      for (const line of [mine[0]!, theirs, ...mine.slice(1)]) await storage.auditLog.append(line);

      const first = await storage.auditLog.list(world.organization.id, { limit: 2 });
      expect(first.items).toEqual([mine[4], mine[3]]);
      expect(first.nextCursor).toBe(mine[3]?.id);
      const second = await storage.auditLog.list(world.organization.id, {
        limit: 2,
        after: first.nextCursor!,
      });
      expect(second.items).toEqual([mine[2], mine[1]]);
      const last = await storage.auditLog.list(world.organization.id, {
        limit: 2,
        after: second.nextCursor!,
      });
      expect(last).toEqual({ items: [mine[0]], nextCursor: null });
      expect((await storage.auditLog.list(other.organization.id)).items).toEqual([theirs]);

      const [row] = await readRows("audit_log", { id: mine[0]!.id });
      expect(row).toMatchObject({
        actor_kind: "staff",
        action: "plan.updated",
        subject_kind: "plan",
        from_address: "2001:db8::1",
      });
      expect(rawJson(row?.details)).toEqual(mine[0]?.details);
      expect(rawInstant(row?.occurred_at)).toBe(at(1000));
    },
  },

  auditLogFiltered: {
    title: "filters an organization's audit log by actor, action and period, and pages each filter",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const member = { kind: "staff", id: "stf_01JQ00000000000000000000AA" } as const;
      const key = { kind: "api_key", id: "key_01JQ00000000000000000000BB" } as const;
      // Same id as the staff member's, another kind: the filter must take both.
      const lookalike = { kind: "api_key", id: member.id } as const;
      const lines: AuditEntry[] = [
        [member, "staff.signed_in"],
        [key, "plan.created"],
        [member, "plan.updated"],
        [lookalike, "plan.updated"],
        [member, "plan.updated"],
        [key, "plan.updated"],
      ].map(([actor, action], n) => ({
        id: fixtures.ids("auditEntry"),
        organizationId: world.organization.id,
        actor: actor as AuditEntry["actor"],
        action: action as string,
        subject: null,
        from: null,
        details: {},
        occurredAt: at((n + 1) * 60_000),
      }));
      for (const line of lines) await storage.auditLog.append(line);
      const ids = (page: { items: AuditEntry[] }) => page.items.map((entry) => entry.id);
      const org = world.organization.id;

      expect(ids(await storage.auditLog.list(org, {}, { actor: member }))).toEqual(
        [lines[4], lines[2], lines[0]].map((line) => line!.id),
      );
      expect(ids(await storage.auditLog.list(org, {}, { action: "plan.updated" }))).toEqual(
        [lines[5], lines[4], lines[3], lines[2]].map((line) => line!.id),
      );
      expect(ids(await storage.auditLog.list(org, {}, { actor: member, action: "plan.updated" }))).toEqual([
        lines[4]!.id,
        lines[2]!.id,
      ]);
      // The period takes its start and leaves out its end.
      expect(
        ids(
          await storage.auditLog.list(
            org,
            {},
            { occurredFrom: at(2 * 60_000), occurredBefore: at(4 * 60_000) },
          ),
        ),
      ).toEqual([lines[2]!.id, lines[1]!.id]);
      const first = await storage.auditLog.list(org, { limit: 1 }, { action: "plan.updated" });
      expect(ids(first)).toEqual([lines[5]!.id]);
      const next = await storage.auditLog.list(
        org,
        { limit: 2, after: first.nextCursor! },
        { action: "plan.updated" },
      );
      expect(ids(next)).toEqual([lines[4]!.id, lines[3]!.id]);
      expect(next.nextCursor).toBe(lines[3]!.id);
      expect((await storage.auditLog.list(org, {}, { action: "api_key.revoked" })).items).toEqual([]);
    },
  },
} satisfies Record<string, StorageScenario>;
