import type { ApiKey, StaffRole, Unit } from "@tessera/core";
import type { ComposedTestServer } from "../http/test-app";

/**
 * A key of the demo's owner for the API tests, and requests signed with it: the same path
 * a client takes (`Authorization: Bearer tsk_…` on `app.request`, no socket).
 */
export async function apiClient(server: ComposedTestServer, options: { role?: StaffRole; unit?: Unit } = {}) {
  const organizationId = server.unit.organizationId;
  const members = await server.tessera.staff.list(server.unit.organizationId);
  const owner = members.find((member) => member.role === "owner");
  if (!owner) throw new Error("the demo has no owner");
  const created = await server.tessera.apiKeys.create({
    organizationId,
    name: "Tests",
    role: options.role ?? (options.unit ? "staff" : "owner"),
    scope: options.unit ? { kind: "unit", unitId: options.unit.id } : { kind: "organization" },
    createdBy: owner.id,
  });
  const request = (
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string>; secret?: string | null } = {},
  ) => {
    const secret = init.secret === undefined ? created.secret : init.secret;
    return server.app.request(`/api/v1${path}`, {
      method,
      headers: {
        ...(secret === null ? {} : { authorization: `Bearer ${secret}` }),
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  };
  return { key: created.apiKey as ApiKey, secret: created.secret, request };
}
