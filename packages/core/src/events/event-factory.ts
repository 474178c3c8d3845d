import type { Id, IdGenerator } from "../ids/id";
import type { Clock } from "../ports/clock";
import type { DomainEvent, DomainEventPayloads, DomainEventType } from "./domain-event";

/** Makes domain events stamped with a fresh id and the clock's now. */
export type EventFactory = <T extends DomainEventType>(
  type: T,
  payload: DomainEventPayloads[T],
  unitId: Id<"unit"> | null,
) => DomainEvent<T>;

export function createEventFactory(ids: IdGenerator, clock: Clock): EventFactory {
  return (type, payload, unitId) => ({ id: ids("event"), type, occurredAt: clock.now(), unitId, payload });
}
