import { z } from "zod";
import type { Id } from "../ids/id";
import { type Instant, instantSchema } from "../time/instant";
import { declaredInput } from "../validation/declared-input";

/** A fact's detail: plain values only, so an entry reads the same in ten years. */
export type AuditDetailValue = string | number | boolean | null;

/** Who did it: a signed-in member or an API key. */
export interface AuditActor {
  kind: "staff" | "api_key";
  id: string;
}

/** What it was done to: `{ kind: "plan", id: "plan_…" }`. */
export interface AuditSubject {
  kind: string;
  id: string;
}

/**
 * One line of an organization's audit log: who did what to what, when and from where.
 * Append-only — storage offers no way to change or delete a line.
 */
export interface AuditEntry {
  id: Id<"auditEntry">;
  organizationId: Id<"organization">;
  actor: AuditActor;
  /** What happened, as `noun.verb_past` (`plan.updated`, `staff.signed_in`, `api_key.revoked`). */
  action: string;
  subject: AuditSubject | null;
  /** Where the request came from (an IP address, as the server saw it), or null. */
  from: string | null;
  details: Record<string, AuditDetailValue>;
  occurredAt: Instant;
}

/** What `audit.record` takes. */
export interface AuditRecordInput {
  organizationId: string;
  actor: { kind: "staff" | "api_key"; id: string };
  /** Lower case, dot-separated words: `plan.updated`. */
  action: string;
  subject?: { kind: string; id: string } | null;
  /** An IP address or similar; empty or absent is null. */
  from?: string | null;
  /**
   * Up to 30 facts (`{ field: "price", before: 12990, after: 14990 }`). Never a secret: keys
   * that name a password, token, secret or key are refused.
   */
  details?: Record<string, AuditDetailValue>;
}

/** Detail keys that would hold something the log must never keep. */
const secretKey = /pass(word)?|secret|token|api_?key|credential|authorization|cookie|cvv|cvc|card_?number/i;

const detailKeyPattern = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const maxDetails = 30;

const actionPattern = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

const actorSchema = z.object({
  kind: z.enum(["staff", "api_key"]),
  id: z.string().regex(/^(stf|key)_[0-9A-Za-z]{1,60}$/, "must be a staff member or API key id"),
});

export const auditRecordInputSchema = declaredInput<AuditRecordInput>()(
  z.object({
    organizationId: z.string().startsWith("org_", "must be an organization id").max(64),
    actor: actorSchema,
    action: z
      .string()
      .max(100)
      .regex(actionPattern, "must be lower-case words joined by dots (plan.updated)"),
    subject: z
      .object({
        kind: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "must be a lower-case noun (plan, api_key)"),
        id: z.string().min(1, "is required").max(100),
      })
      .nullable()
      .optional(),
    from: z.string().trim().max(100).nullable().optional(),
    details: z
      .record(z.string(), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
      .superRefine((details, ctx) => {
        const keys = Object.keys(details);
        if (keys.length > maxDetails) {
          ctx.addIssue({
            code: "custom",
            message: `must have at most ${maxDetails} entries`,
            params: { code: "too_big" },
          });
        }
        for (const key of keys) {
          if (!detailKeyPattern.test(key)) {
            ctx.addIssue({
              code: "custom",
              path: [key],
              message: "must be a name of letters, digits and _",
              params: { code: "invalid_key" },
            });
          } else if (secretKey.test(key)) {
            ctx.addIssue({
              code: "custom",
              path: [key],
              message: "must not name a password, token or secret",
              params: { code: "secret_key" },
            });
          }
        }
      })
      .optional(),
  }),
);

/** Which lines of the log a read keeps; every field left out keeps all. */
export interface AuditLogFilter {
  /** Only what this member or key did. */
  actor?: AuditActor;
  /** Only this action (`plan.updated`). */
  action?: string;
  /** Only lines that occurred at or after this instant. */
  occurredFrom?: Instant;
  /** Only lines that occurred before this instant (a period's end is exclusive). */
  occurredBefore?: Instant;
}

/** Pages of the log: newest first, optionally filtered. */
export interface AuditListOptions {
  /** The `nextCursor` of the page before (of the same filter). */
  cursor?: string | null;
  /** 1–200; default 50. */
  limit?: number;
  /** Only what this member or key did. */
  actor?: { kind: "staff" | "api_key"; id: string } | null;
  /** Only this action. */
  action?: string | null;
  /** At or after this instant. */
  occurredFrom?: string | null;
  /** Before this instant; must come after `occurredFrom` (`range_reversed`). */
  occurredBefore?: string | null;
}

export const auditListOptionsSchema = declaredInput<AuditListOptions>()(
  z
    .object({
      cursor: z
        .string()
        .regex(/^aud_[0-9A-Z]{26}$/, "must be the nextCursor of an earlier page")
        .nullable()
        .optional(),
      limit: z.number().int().min(1).max(200).optional(),
      actor: actorSchema.nullable().optional(),
      action: z
        .string()
        .max(100)
        .regex(actionPattern, "must be lower-case words joined by dots (plan.updated)")
        .nullable()
        .optional(),
      occurredFrom: instantSchema.nullable().optional(),
      occurredBefore: instantSchema.nullable().optional(),
    })
    .superRefine((options, ctx) => {
      if (options.occurredFrom && options.occurredBefore && options.occurredBefore <= options.occurredFrom) {
        ctx.addIssue({
          code: "custom",
          path: ["occurredBefore"],
          message: "must come after occurredFrom",
          params: { code: "range_reversed" },
        });
      }
    }),
);
