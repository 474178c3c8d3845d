import { z } from "zod";

/**
 * A moment in time, as an ISO-8601 UTC string with milliseconds
 * (`2026-11-24T13:05:00.000Z`). Instants sort as strings and survive JSON unchanged.
 */
export type Instant = string & { readonly __instant?: never };

export function toInstant(date: Date): Instant {
  return date.toISOString();
}

export function addMilliseconds(instant: Instant, ms: number): Instant {
  return new Date(new Date(instant).getTime() + ms).toISOString();
}

export function instantToMillis(instant: Instant): number {
  return new Date(instant).getTime();
}

export const instantSchema = z.iso
  .datetime({ offset: false })
  .transform((v) => new Date(v).toISOString() as Instant);
