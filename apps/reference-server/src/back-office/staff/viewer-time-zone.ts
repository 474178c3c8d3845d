import type { StaffMember, Tessera } from "@tessera/core";

/**
 * The time zones an owner's organization-wide pages (staff, keys, audit log) may show times
 * in: each of the organization's units' (a member has no zone of their own; the studio's is
 * theirs), then UTC. The first is the default; `requested` picks another of the list.
 */
export async function viewerTimeZones(
  tessera: Tessera,
  staff: StaffMember,
  requested?: string,
): Promise<{ timeZone: string; choices: string[] }> {
  const units = await tessera.organizations.listUnits(staff.organizationId);
  const choices = [...new Set([...units.map((unit) => unit.timeZone), "UTC"])];
  const timeZone = requested && choices.includes(requested) ? requested : choices[0]!;
  return { timeZone, choices };
}
