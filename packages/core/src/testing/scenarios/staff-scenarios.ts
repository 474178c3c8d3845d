import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import type { DomainEventType } from "../../events/domain-event";
import { createEventFactory } from "../../events/event-factory";
import { createIdGenerator } from "../../ids/id";
import { createScryptPasswordHasher, type PasswordHasher } from "../../staff/staff-password";
import { createStaffService, staffContextOf } from "../../staff/staff-service";
import { rejection, type ScenarioEnv } from "./scenario-env";

const minute = 60 * 1000;
const hour = 60 * minute;
const password = "correct horse battery";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Members, log-in with lock-out, sessions, API keys and the audit log, through `createTessera`. */
export function staffScenarios(current: () => ScenarioEnv): void {
  const addMember = (overrides: { email?: string; role?: "owner" | "manager" | "staff" } = {}) => {
    const env = current();
    return env.tessera.staff.create({
      organizationId: env.org.id,
      name: "Joana Prado",
      email: overrides.email ?? "Joana@Example.com",
      password,
      role: overrides.role ?? "manager",
      scope: overrides.role === "owner" ? { kind: "organization" } : { kind: "unit", unitId: env.unit.id },
    });
  };
  const signIn = (pass = password, email = "joana@example.com") =>
    current().tessera.staff.authenticate({ email, password: pass, from: "203.0.113.7" });
  const eventsOf = async (type: DomainEventType) =>
    (await current().storage.outbox.listUndelivered(500)).filter((entry) => entry.event.type === type);

  it("creates a member with a lower-cased e-mail and never hands out the password hash", async () => {
    const env = current();
    const member = await addMember();
    expect(member).toMatchObject({
      email: "joana@example.com",
      role: "manager",
      scope: { kind: "unit", unitId: env.unit.id },
      status: "active",
      failedLogins: 0,
      lockedUntil: null,
      version: 1,
    });
    expect(member.id).toMatch(/^stf_/);
    for (const shown of [
      member,
      await env.tessera.staff.get(member.id),
      ...(await env.tessera.staff.list(env.org.id)),
    ]) {
      expect(shown).not.toHaveProperty("passwordHash");
    }
    const stored = await env.storage.staff.findById(member.id);
    expect(stored?.passwordHash).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(stored?.passwordHash).not.toContain(password);
    const created = await eventsOf("staff.created");
    expect(created.map((entry) => entry.event.payload)).toEqual([
      { staffMemberId: member.id, organizationId: env.org.id },
    ]);
  });

  it("refuses an e-mail that is already a member's, in any case and any organization, as a conflict on email", async () => {
    const env = current();
    await addMember();
    const other = await env.tessera.organizations.createOrganization({ name: "Outro Estúdio" });
    const error = await rejection(
      env.tessera.staff.create({
        organizationId: other.id,
        name: "Joana Duplicada",
        email: " JOANA@example.COM ",
        password,
        role: "owner",
        scope: { kind: "organization" },
      }),
    );
    expect(error.code).toBe("conflict");
    expect(error.details.issues?.map((issue) => issue.path)).toEqual([["email"]]);
  });

  it("refuses a short password, a unit of another organization and a unit-scoped owner, naming each field", async () => {
    const env = current();
    const other = await env.tessera.organizations.createOrganization({ name: "Outro Estúdio" });
    const paths = async (input: Parameters<ScenarioEnv["tessera"]["staff"]["create"]>[0]) =>
      (await rejection(env.tessera.staff.create(input))).details.issues?.map((issue) => issue.path.join("."));
    const base = {
      organizationId: env.org.id,
      name: "Rui",
      email: "rui@example.com",
      password,
      role: "staff" as const,
    };
    expect(await paths({ ...base, password: "123456789", scope: { kind: "organization" } })).toEqual([
      "password",
    ]);
    expect(
      await paths({ ...base, organizationId: other.id, scope: { kind: "unit", unitId: env.unit.id } }),
    ).toEqual(["scope.unitId"]);
    expect(await paths({ ...base, role: "owner", scope: { kind: "unit", unitId: env.unit.id } })).toEqual([
      "scope",
    ]);
    expect(await env.tessera.staff.list(env.org.id)).toEqual([]);
  });

  it("keeps the organization's last active owner: no demotion, no disabling, until another owner exists", async () => {
    const env = current();
    const owner = await addMember({ role: "owner" });
    const demoted = await rejection(
      env.tessera.staff.update(owner.id, { role: "manager", scope: { kind: "unit", unitId: env.unit.id } }),
    );
    expect(demoted.code).toBe("validation_failed");
    expect(demoted.details.issues).toEqual([expect.objectContaining({ path: ["role"], code: "last_owner" })]);
    const disabled = await rejection(env.tessera.staff.update(owner.id, { status: "disabled" }));
    expect(disabled.details.issues).toEqual([
      expect.objectContaining({ path: ["status"], code: "last_owner" }),
    ]);
    expect((await env.tessera.staff.get(owner.id))?.status).toBe("active");
    await addMember({ role: "owner", email: "segundo@example.com" });
    expect((await env.tessera.staff.update(owner.id, { status: "disabled" })).status).toBe("disabled");
  });

  it("signs a member in and finds them again by the session token, whose hash alone is stored", async () => {
    const env = current();
    const member = await addMember();
    const result = await signIn();
    if (result.status !== "authenticated") throw new Error(`expected authenticated, got ${result.status}`);
    expect(result.staff.id).toBe(member.id);
    expect(result.staff).not.toHaveProperty("passwordHash");
    expect(result.session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.session.expiresAt).toBe(new Date(Date.parse(env.clock.now()) + 2 * hour).toISOString());
    const stored = await env.storage.staffSessions.findByTokenHash(sha256(result.session.token));
    expect(stored).toMatchObject({ staffId: member.id, from: "203.0.113.7", revokedAt: null });
    expect(JSON.stringify(stored)).not.toContain(result.session.token);
    const found = await env.tessera.staff.session(result.session.token);
    expect(found?.staff.id).toBe(member.id);
    expect(found?.session).toEqual({
      id: stored?.id,
      expiresAt: result.session.expiresAt,
      csrfSecret: stored?.csrfSecret,
    });
    expect(found?.session.csrfSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("locks the account after five wrong passwords in fifteen minutes", async () => {
    const env = current();
    await addMember();
    for (let i = 0; i < 4; i++) {
      expect(await signIn("wrong password!")).toEqual({ status: "invalid" });
      env.clock.advance(2 * minute);
    }
    expect(await signIn("wrong password!")).toEqual({ status: "locked", retryAfterSeconds: 15 * 60 });
    env.clock.advance(5 * minute);
    // Even the right password waits for the lock to end.
    expect(await signIn()).toEqual({ status: "locked", retryAfterSeconds: 10 * 60 });
    env.clock.advance(10 * minute);
    expect((await signIn()).status).toBe("authenticated");
  });

  it("counts two wrong passwords at once twice", async () => {
    const env = current();
    const member = await addMember();
    await Promise.all([signIn("wrong password!"), signIn("wrong password!")]);
    expect((await env.tessera.staff.get(member.id))?.failedLogins).toBe(2);
  });

  it("starts the count again once fifteen minutes have passed since the first wrong password", async () => {
    const env = current();
    await addMember();
    for (let i = 0; i < 4; i++) await signIn("wrong password!");
    env.clock.advance(16 * minute);
    for (let i = 0; i < 4; i++) expect(await signIn("wrong password!")).toEqual({ status: "invalid" });
    expect((await signIn()).status).toBe("authenticated");
  });

  it("clears the count after a right password", async () => {
    const env = current();
    const member = await addMember();
    for (let i = 0; i < 4; i++) await signIn("wrong password!");
    expect((await signIn()).status).toBe("authenticated");
    expect(await env.tessera.staff.get(member.id)).toMatchObject({ failedLogins: 0, lockedUntil: null });
    for (let i = 0; i < 4; i++) expect(await signIn("wrong password!")).toEqual({ status: "invalid" });
  });

  it("answers invalid for an unknown e-mail and a disabled member after the same hashing work as for a known one", async () => {
    const env = current();
    const scrypt = createScryptPasswordHasher((size) => new Uint8Array(size).fill(7));
    const work: string[] = [];
    const counting: PasswordHasher = {
      hash: (typed) => scrypt.hash(typed),
      verify: (typed, stored) => {
        work.push("verify");
        return scrypt.verify(typed, stored);
      },
    };
    const ids = createIdGenerator(() => Date.parse(env.clock.now()));
    const staff = createStaffService(
      staffContextOf(
        {
          storage: env.storage,
          clock: env.clock,
          ids,
          events: createEventFactory(ids, env.clock),
          randomBytes: (size) => new Uint8Array(size).fill(3),
        },
        counting,
      ),
    );
    const member = await addMember();
    const attempt = async (email: string, typed: string) => {
      work.length = 0;
      const result = await staff.authenticate({ email, password: typed });
      return { status: result.status, work: [...work] };
    };
    expect(await attempt("nobody@example.com", "wrong password!")).toEqual({
      status: "invalid",
      work: ["verify"],
    });
    expect(await attempt("not an e-mail", "wrong password!")).toEqual({
      status: "invalid",
      work: ["verify"],
    });
    expect(await attempt("joana@example.com", "wrong password!")).toEqual({
      status: "invalid",
      work: ["verify"],
    });
    expect(await attempt("joana@example.com", password)).toEqual({
      status: "authenticated",
      work: ["verify"],
    });
    await env.tessera.staff.update(member.id, { status: "disabled" });
    expect(await attempt("joana@example.com", password)).toEqual({ status: "invalid", work: ["verify"] });
    // An unknown e-mail is never counted or locked: it has no row to count on.
    for (let i = 0; i < 6; i++) await attempt("nobody@example.com", "wrong password!");
    expect(await attempt("nobody@example.com", "wrong password!")).toEqual({
      status: "invalid",
      work: ["verify"],
    });
  });

  it("ends a session after two hours unused, and twelve hours after sign-in however much it is used", async () => {
    const env = current();
    await addMember();
    const idle = await signIn();
    if (idle.status !== "authenticated") throw new Error("expected authenticated");
    env.clock.advance(2 * hour - 1);
    expect(await env.tessera.staff.session(idle.session.token)).not.toBeNull();
    env.clock.advance(2 * hour);
    expect(await env.tessera.staff.session(idle.session.token)).toBeNull();

    const busy = await signIn();
    if (busy.status !== "authenticated") throw new Error("expected authenticated");
    for (let i = 1; i < 12; i++) {
      env.clock.advance(hour);
      expect(await env.tessera.staff.session(busy.session.token)).not.toBeNull();
    }
    env.clock.advance(hour - 1);
    const lastMillisecond = await env.tessera.staff.session(busy.session.token);
    expect(lastMillisecond?.session.expiresAt).toBe(addHours(env.clock.now(), 0, 1));
    env.clock.advance(1);
    expect(await env.tessera.staff.session(busy.session.token)).toBeNull();
  });

  it("records a session's use at most once a minute, and each recorded use extends the idle window", async () => {
    const env = current();
    await addMember();
    const result = await signIn();
    if (result.status !== "authenticated") throw new Error("expected authenticated");
    const lastUsed = async () =>
      (await env.storage.staffSessions.findByTokenHash(sha256(result.session.token)))?.lastUsedAt;
    const signedInAt = env.clock.now();
    env.clock.advance(30 * 1000);
    const early = await env.tessera.staff.session(result.session.token);
    expect(await lastUsed()).toBe(signedInAt);
    expect(early?.session.expiresAt).toBe(result.session.expiresAt);
    env.clock.advance(31 * 1000);
    const later = await env.tessera.staff.session(result.session.token);
    expect(await lastUsed()).toBe(env.clock.now());
    expect(later?.session.expiresAt).toBe(addHours(env.clock.now(), 2));
  });

  it("answers null for a malformed, unknown or ended token and for a disabled member, whose sessions end", async () => {
    const env = current();
    const member = await addMember();
    const first = await signIn();
    const second = await signIn();
    if (first.status !== "authenticated" || second.status !== "authenticated")
      throw new Error("expected authenticated");
    for (const token of ["", "short", `${first.session.token}x`, "A".repeat(43), 42 as unknown as string]) {
      expect(await env.tessera.staff.session(token)).toBeNull();
    }
    await env.tessera.staff.endSession(first.session.token);
    expect(await env.tessera.staff.session(first.session.token)).toBeNull();
    expect(await env.tessera.staff.session(second.session.token)).not.toBeNull();
    const disabled = await env.tessera.staff.update(member.id, { status: "disabled" });
    expect(disabled).toMatchObject({ status: "disabled", version: 2 });
    expect(await env.tessera.staff.session(second.session.token)).toBeNull();
    expect((await env.storage.staffSessions.findByTokenHash(sha256(second.session.token)))?.revokedAt).toBe(
      env.clock.now(),
    );
    expect((await eventsOf("staff.disabled")).map((entry) => entry.event.payload)).toEqual([
      { staffMemberId: member.id, organizationId: env.org.id },
    ]);
    // Enabled again, the member signs in anew; the old sessions stay ended.
    await env.tessera.staff.update(member.id, { status: "active" });
    expect(await env.tessera.staff.session(second.session.token)).toBeNull();
    expect((await signIn()).status).toBe("authenticated");
  });

  it("ends every session of a member when the password changes", async () => {
    const env = current();
    const member = await addMember();
    const tokens = [];
    for (let i = 0; i < 2; i++) {
      const result = await signIn();
      if (result.status !== "authenticated") throw new Error("expected authenticated");
      tokens.push(result.session.token);
    }
    expect(
      (await rejection(env.tessera.staff.setPassword(member.id, "too short"))).details.issues?.[0]?.path,
    ).toEqual(["password"]);
    const changed = await env.tessera.staff.setPassword(member.id, "uma senha nova e longa");
    expect(changed).not.toHaveProperty("passwordHash");
    for (const token of tokens) expect(await env.tessera.staff.session(token)).toBeNull();
    expect(await signIn()).toEqual({ status: "invalid" });
    expect((await signIn("uma senha nova e longa")).status).toBe("authenticated");
    expect(await env.tessera.staff.endAllSessions(member.id)).toBe(1);
  });

  it("changes role and scope by version, and refuses an owner scoped to a unit", async () => {
    const env = current();
    const member = await addMember();
    const promoted = await env.tessera.staff.update(member.id, {
      role: "owner",
      scope: { kind: "organization" },
    });
    expect(promoted).toMatchObject({ role: "owner", scope: { kind: "organization" }, version: 2 });
    const error = await rejection(
      env.tessera.staff.update(member.id, { scope: { kind: "unit", unitId: env.unit.id } }),
    );
    expect(error.details.issues?.map((issue) => issue.path)).toEqual([["scope"]]);
    expect(
      (await rejection(env.tessera.staff.update("stf_01JQ0000000000000000000000", { name: "X" }))).code,
    ).toBe("not_found");
  });

  it("makes an API key whose secret is shown once, stored only as its SHA-256, and verified in constant time", async () => {
    const env = current();
    const owner = await addMember({ role: "owner" });
    const { apiKey, secret } = await env.tessera.apiKeys.create({
      organizationId: env.org.id,
      name: "Site WordPress",
      role: "staff",
      scope: { kind: "unit", unitId: env.unit.id },
      createdBy: owner.id,
    });
    expect(secret).toMatch(/^tsk_key_[0-9A-HJKMNP-TV-Z]{26}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(`tsk_${apiKey.id}_`)).toBe(true);
    expect(apiKey).not.toHaveProperty("secretHash");
    expect((await env.storage.apiKeys.findById(apiKey.id))?.secretHash).toBe(sha256(secret));
    expect(await env.tessera.apiKeys.verify(secret)).toMatchObject({
      id: apiKey.id,
      role: "staff",
      status: "active",
    });
    const wrong = `${secret.slice(0, -1)}${secret.endsWith("A") ? "B" : "A"}`;
    for (const attempt of [
      wrong,
      "tsk_nonsense",
      "",
      `tsk_key_01JQ0000000000000000000000_${"A".repeat(43)}`,
    ]) {
      expect(await env.tessera.apiKeys.verify(attempt)).toBeNull();
    }
    expect((await env.tessera.apiKeys.list(env.org.id)).map((key) => key.id)).toEqual([apiKey.id]);
    const revoked = await env.tessera.apiKeys.revoke(apiKey.id);
    expect(revoked).toMatchObject({ status: "revoked", revokedAt: env.clock.now() });
    expect(await env.tessera.apiKeys.verify(secret)).toBeNull();
    expect(await env.tessera.apiKeys.revoke(apiKey.id)).toEqual(revoked);
    expect((await eventsOf("api_key.created")).map((entry) => entry.event.payload)).toEqual([
      { apiKeyId: apiKey.id, organizationId: env.org.id },
    ]);
    expect(await eventsOf("api_key.revoked")).toHaveLength(1);
  });

  it("records an API key's use at most once a minute", async () => {
    const env = current();
    const owner = await addMember({ role: "owner" });
    const { apiKey, secret } = await env.tessera.apiKeys.create({
      organizationId: env.org.id,
      name: "Catraca",
      role: "staff",
      scope: { kind: "organization" },
      createdBy: owner.id,
    });
    const firstUse = env.clock.now();
    expect((await env.tessera.apiKeys.verify(secret))?.lastUsedAt).toBe(firstUse);
    env.clock.advance(59 * 1000);
    expect((await env.tessera.apiKeys.verify(secret))?.lastUsedAt).toBe(firstUse);
    env.clock.advance(2 * 1000);
    expect((await env.tessera.apiKeys.verify(secret))?.lastUsedAt).toBe(env.clock.now());
    expect((await env.storage.apiKeys.findById(apiKey.id))?.lastUsedAt).toBe(env.clock.now());
  });

  it("refuses an API key made by someone who is not an active member of the organization, or an owner key scoped to a unit", async () => {
    const env = current();
    const owner = await addMember({ role: "owner" });
    const other = await env.tessera.organizations.createOrganization({ name: "Outro Estúdio" });
    const base = { name: "Site", role: "staff" as const, scope: { kind: "organization" as const } };
    const paths = async (input: Parameters<ScenarioEnv["tessera"]["apiKeys"]["create"]>[0]) =>
      (await rejection(env.tessera.apiKeys.create(input))).details.issues?.map((issue) =>
        issue.path.join("."),
      );
    expect(await paths({ ...base, organizationId: other.id, createdBy: owner.id })).toEqual(["createdBy"]);
    expect(
      await paths({
        ...base,
        organizationId: env.org.id,
        createdBy: owner.id,
        role: "owner",
        scope: { kind: "unit", unitId: env.unit.id },
      }),
    ).toEqual(["scope"]);
    expect(await env.tessera.apiKeys.list(env.org.id)).toEqual([]);
  });

  it("keeps an organization's audit log newest first, in pages, and refuses details that name a secret", async () => {
    const env = current();
    const owner = await addMember({ role: "owner" });
    const actor = { kind: "staff" as const, id: owner.id };
    const recorded = [];
    for (let i = 0; i < 3; i++) {
      recorded.push(
        await env.tessera.audit.record({
          organizationId: env.org.id,
          actor,
          action: "plan.updated",
          subject: { kind: "plan", id: env.monthly.id },
          from: i === 0 ? "" : "203.0.113.7",
          details: { field: "price", before: 14_990, after: 15_990 + i, archived: false, note: null },
        }),
      );
      env.clock.advance(1000);
    }
    expect(recorded[0]).toMatchObject({ from: null, occurredAt: "2026-03-10T15:00:00.000Z" });
    const first = await env.tessera.audit.list(env.org.id, { limit: 2 });
    expect(first.items).toEqual([recorded[2], recorded[1]]);
    const rest = await env.tessera.audit.list(env.org.id, { limit: 2, cursor: first.nextCursor });
    expect(rest).toEqual({ items: [recorded[0]], nextCursor: null });

    const refused = await rejection(
      env.tessera.audit.record({
        organizationId: env.org.id,
        actor,
        action: "staff.password_changed",
        details: { newPassword: password },
      }),
    );
    expect(refused.code).toBe("validation_failed");
    expect(refused.details.issues?.map((issue) => issue.path)).toEqual([["details", "newPassword"]]);
    expect(refused.message).not.toContain(password);
    expect((await rejection(env.tessera.audit.list(env.org.id, { cursor: "not-a-cursor" }))).code).toBe(
      "validation_failed",
    );
  });

  it("puts no password, session token or API key secret in an event or an error", async () => {
    const env = current();
    const owner = await addMember({ role: "owner" });
    const login = await signIn();
    if (login.status !== "authenticated") throw new Error("expected authenticated");
    const { secret } = await env.tessera.apiKeys.create({
      organizationId: env.org.id,
      name: "Site",
      role: "staff",
      scope: { kind: "organization" },
      createdBy: owner.id,
    });
    // Another owner first: the last active owner cannot be disabled.
    await addMember({ role: "owner", email: "outro-dono@example.com" });
    await env.tessera.staff.update(owner.id, { status: "disabled" });
    const errors = await Promise.all([
      rejection(env.tessera.staff.setPassword(owner.id, "curta")),
      rejection(addMember({ role: "owner" })),
      rejection(env.tessera.staff.authenticate({ email: "joana@example.com", password: "x".repeat(5000) })),
    ]);
    const written = JSON.stringify([
      (await env.storage.outbox.listUndelivered(500)).map((entry) => entry.event),
      errors.map((error) => [error.message, error.details]),
    ]);
    for (const secretValue of [password, "curta", login.session.token, secret, secret.slice(-43)]) {
      expect(written).not.toContain(secretValue);
    }
  });
}

function addHours(instant: string, hours: number, ms = 0): string {
  return new Date(Date.parse(instant) + hours * hour + ms).toISOString();
}
