import { z } from "zod";
import { isTesseraError, TesseraError } from "../errors/tessera-error";
import type { Id } from "../ids/id";
import { invalidFields } from "../validation/invalid-fields";
import { parseId } from "../validation/parse-id";
import { parseInput } from "../validation/parse-input";
import { checkedScope, notFound, requireOrganization, type StaffContext, unitOfScope } from "./staff-context";
import {
  ownerScopeIssue,
  passwordSchema,
  type StaffMemberChanges,
  type StaffMemberInput,
  staffMemberChangesSchema,
  staffMemberInputSchema,
} from "./staff-input";
import { publicStaffMember, type StaffMember, type StaffMemberRecord } from "./staff-member";

/** Creating, reading and changing members (not signing in: see `authenticate-staff.ts`). */
export interface StaffManagement {
  /**
   * Adds a member to an organization. The e-mail is lower-cased and must be no member's yet,
   * in any organization (`conflict` naming `email`); the password has at least 10
   * characters and is kept only as its scrypt hash; a unit scope names a unit of the
   * organization; an owner's scope is the organization. Emits `staff.created`.
   */
  create(input: StaffMemberInput): Promise<StaffMember>;
  get(id: Id<"staffMember">): Promise<StaffMember | null>;
  /** The organization's members, oldest first. */
  list(organizationId: Id<"organization">): Promise<StaffMember[]>;
  /**
   * Changes name, role, scope or status (compare-and-set: a concurrent change is `conflict`).
   * Disabling ends every session of the member and emits `staff.disabled`.
   */
  update(id: Id<"staffMember">, changes: StaffMemberChanges): Promise<StaffMember>;
  /** Sets a new password (at least 10 characters) and ends every session of the member. */
  setPassword(id: Id<"staffMember">, password: string): Promise<StaffMember>;
}

function emailTaken(cause?: unknown): TesseraError {
  return new TesseraError("conflict", "Invalid staff member: email: another staff member has it.", {
    details: {
      entity: "staffMember",
      issues: [{ path: ["email"], code: "taken", message: "is another staff member's e-mail" }],
    },
    cause,
  });
}

export function createStaffManagement(ctx: StaffContext): StaffManagement {
  const requireMember = async (rawId: unknown): Promise<StaffMemberRecord> => {
    const id = parseId("staffMember", rawId);
    const member = await ctx.storage.staff.findById(id);
    if (!member) throw notFound("staff member", id);
    return member;
  };

  return {
    async create(input) {
      const data = parseInput(staffMemberInputSchema, input, "staff member");
      const organizationId = data.organizationId as Id<"organization">;
      await requireOrganization(ctx.storage, organizationId);
      const scope = await checkedScope(ctx.storage, organizationId, data.scope, "staff member");
      // Checked before the costly hash; the unique index still settles a race.
      if (await ctx.storage.staff.findByEmail(data.email)) throw emailTaken();
      const now = ctx.clock.now();
      const member: StaffMemberRecord = {
        id: ctx.ids("staffMember"),
        organizationId,
        name: data.name,
        email: data.email,
        role: data.role,
        scope,
        status: "active",
        passwordHash: await ctx.passwords.hash(data.password),
        failedLogins: 0,
        failedLoginsSince: null,
        lockedUntil: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      try {
        await ctx.storage.transaction(async (tx) => {
          await tx.staff.insert(member);
          await tx.outbox.append([
            ctx.events("staff.created", { staffMemberId: member.id, organizationId }, unitOfScope(scope)),
          ]);
        });
      } catch (error) {
        if (isTesseraError(error, "conflict") && error.details.entity === "staffMember")
          throw emailTaken(error);
        throw error;
      }
      return publicStaffMember(member);
    },

    async get(id) {
      const member = await ctx.storage.staff.findById(parseId("staffMember", id));
      return member ? publicStaffMember(member) : null;
    },

    async list(organizationId) {
      const members = await ctx.storage.staff.listByOrganization(
        parseId("organization", organizationId, "organizationId"),
      );
      return members.map(publicStaffMember);
    },

    async update(id, changes) {
      const data = parseInput(staffMemberChangesSchema, changes, "staff member changes");
      const current = await requireMember(id);
      const next = {
        role: data.role ?? current.role,
        scope: data.scope ?? current.scope,
      };
      const ownerScope = ownerScopeIssue(next);
      if (ownerScope) throw invalidFields("staff member changes", [ownerScope]);
      const scope = data.scope
        ? await checkedScope(ctx.storage, current.organizationId, data.scope, "staff member changes")
        : current.scope;
      const updated: StaffMemberRecord = {
        ...current,
        name: data.name ?? current.name,
        role: next.role,
        scope,
        status: data.status ?? current.status,
        updatedAt: ctx.clock.now(),
      };
      const disabling = current.status === "active" && updated.status === "disabled";
      const leavesOwners =
        current.role === "owner" &&
        current.status === "active" &&
        (updated.role !== "owner" || updated.status !== "active");
      const stored = await ctx.storage.transaction(async (tx) => {
        // An organization always keeps one active owner: the last cannot be demoted or disabled.
        if (leavesOwners) {
          const members = await tx.staff.listByOrganization(current.organizationId);
          const others = members.filter(
            (member) => member.id !== current.id && member.role === "owner" && member.status === "active",
          );
          if (others.length === 0) {
            const field = updated.role !== "owner" ? "role" : "status";
            throw invalidFields("staff member changes", [
              { path: [field], code: "last_owner", message: "is the organization's last active owner" },
            ]);
          }
        }
        const written = await tx.staff.update(updated);
        if (disabling) {
          await tx.staffSessions.revokeAllOfStaff(current.id, updated.updatedAt);
          await tx.outbox.append([
            ctx.events(
              "staff.disabled",
              { staffMemberId: current.id, organizationId: current.organizationId },
              unitOfScope(written.scope),
            ),
          ]);
        }
        return written;
      });
      return publicStaffMember(stored);
    },

    async setPassword(id, password) {
      const { password: parsed } = parseInput(
        z.object({ password: passwordSchema }),
        { password },
        "password",
      );
      const current = await requireMember(id);
      const updated: StaffMemberRecord = {
        ...current,
        passwordHash: await ctx.passwords.hash(parsed),
        updatedAt: ctx.clock.now(),
      };
      const stored = await ctx.storage.transaction(async (tx) => {
        const written = await tx.staff.update(updated);
        await tx.staffSessions.revokeAllOfStaff(current.id, updated.updatedAt);
        return written;
      });
      return publicStaffMember(stored);
    },
  };
}
