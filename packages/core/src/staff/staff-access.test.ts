import { describe, expect, it } from "vitest";
import type { Id } from "../ids/id";
import {
  type AccessActor,
  canChangeUnitSettings,
  canManageApiKeys,
  canManageStaff,
  canSeeAuditLog,
  canSeeUnit,
} from "./staff-access";

const org = "org_01JQ0000000000000000000001" as Id<"organization">;
const otherOrg = "org_01JQ0000000000000000000002" as Id<"organization">;
const centro = "unit_01JQ0000000000000000000001" as Id<"unit">;
const norte = "unit_01JQ0000000000000000000002" as Id<"unit">;

const actor = (role: AccessActor["role"], unitId?: Id<"unit">): AccessActor => ({
  organizationId: org,
  role,
  scope: unitId ? { kind: "unit", unitId } : { kind: "organization" },
});
const owner = actor("owner");
const orgManager = actor("manager");
const centroManager = actor("manager", centro);
const orgStaff = actor("staff");
const centroStaff = actor("staff", centro);

describe("staff access", () => {
  it("lets an organization scope see every unit of its organization, and no other organization's", () => {
    for (const who of [owner, orgManager, orgStaff]) {
      expect(canSeeUnit(who, centro)).toBe(true);
      expect(canSeeUnit(who, { id: norte, organizationId: org })).toBe(true);
      expect(canSeeUnit(who, { id: norte, organizationId: otherOrg })).toBe(false);
    }
  });

  it("lets a unit scope see only its unit", () => {
    for (const who of [centroManager, centroStaff]) {
      expect(canSeeUnit(who, centro)).toBe(true);
      expect(canSeeUnit(who, { id: centro, organizationId: org })).toBe(true);
      expect(canSeeUnit(who, norte)).toBe(false);
      expect(canSeeUnit(who, { id: centro, organizationId: otherOrg })).toBe(false);
    }
  });

  it("lets owners and managers change the settings of the units they see, and staff none", () => {
    expect(canChangeUnitSettings(owner, norte)).toBe(true);
    expect(canChangeUnitSettings(orgManager, norte)).toBe(true);
    expect(canChangeUnitSettings(centroManager, centro)).toBe(true);
    expect(canChangeUnitSettings(centroManager, norte)).toBe(false);
    expect(canChangeUnitSettings(orgStaff, centro)).toBe(false);
    expect(canChangeUnitSettings(centroStaff, centro)).toBe(false);
  });

  it("lets owners manage every member of their organization and nobody else's", () => {
    const members = [owner, orgManager, centroManager, centroStaff];
    for (const member of members) expect(canManageStaff(owner, member)).toBe(true);
    expect(canManageStaff(owner, { ...centroStaff, organizationId: otherOrg })).toBe(false);
  });

  it("lets managers manage only members of role staff within their own scope", () => {
    expect(canManageStaff(orgManager, centroStaff)).toBe(true);
    expect(canManageStaff(orgManager, orgStaff)).toBe(true);
    expect(canManageStaff(orgManager, orgManager)).toBe(false);
    expect(canManageStaff(orgManager, owner)).toBe(false);
    expect(canManageStaff(centroManager, centroStaff)).toBe(true);
    expect(canManageStaff(centroManager, actor("staff", norte))).toBe(false);
    expect(canManageStaff(centroManager, orgStaff)).toBe(false);
    expect(canManageStaff(centroManager, actor("manager", centro))).toBe(false);
  });

  it("never lets a unit-scoped manager grant the organization scope or the owner role (asked of the member as they would be)", () => {
    const promoted = { ...centroStaff, role: "owner" as const, scope: { kind: "organization" as const } };
    const widened = { ...centroStaff, scope: { kind: "organization" as const } };
    const madeManager = { ...centroStaff, role: "manager" as const };
    for (const wanted of [promoted, widened, madeManager]) {
      expect(canManageStaff(centroManager, wanted)).toBe(false);
    }
    expect(canManageStaff(owner, promoted)).toBe(true);
  });

  it("lets staff manage nobody; without a member, says whether the staff pages are open", () => {
    expect(canManageStaff(centroStaff, centroStaff)).toBe(false);
    expect(canManageStaff(orgStaff)).toBe(false);
    expect(canManageStaff(owner)).toBe(true);
    expect(canManageStaff(centroManager)).toBe(true);
  });

  it("shows the audit log and API keys to owners only", () => {
    expect(canSeeAuditLog(owner)).toBe(true);
    expect(canManageApiKeys(owner)).toBe(true);
    for (const who of [orgManager, centroManager, orgStaff, centroStaff]) {
      expect(canSeeAuditLog(who)).toBe(false);
      expect(canManageApiKeys(who)).toBe(false);
    }
  });
});
