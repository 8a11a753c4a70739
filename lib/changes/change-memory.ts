/**
 * What earlier changes in the history set, for the "from" of a later one when its own record does not say: the
 * capacity an UpdateTable asked for, and the minimum and maximum a RegisterScalableTarget set. Fed oldest first.
 * Client-safe, pure.
 */
import type { ChangeDirection } from "./change-types";

type Range = { min: number | null; max: number | null };

export class ChangeMemory {
  private readonly capacity = new Map<string, number>();
  private readonly onDemandMax = new Map<string, number | "none">();
  private readonly scaling = new Map<string, Range>();

  private static key(table: string, index: string | null, direction: ChangeDirection): string {
    return JSON.stringify([table, index, direction]);
  }

  capacityBefore(table: string, index: string | null, direction: ChangeDirection): number | null {
    return this.capacity.get(ChangeMemory.key(table, index, direction)) ?? null;
  }

  rememberCapacity(table: string, index: string | null, direction: ChangeDirection, value: number): void {
    this.capacity.set(ChangeMemory.key(table, index, direction), value);
  }

  onDemandMaxBefore(table: string, index: string | null, direction: ChangeDirection): number | "none" | null {
    return this.onDemandMax.get(ChangeMemory.key(table, index, direction)) ?? null;
  }

  rememberOnDemandMax(table: string, index: string | null, direction: ChangeDirection, value: number | "none"): void {
    this.onDemandMax.set(ChangeMemory.key(table, index, direction), value);
  }

  scalingBefore(resource: string, direction: ChangeDirection | null): Range {
    return this.scaling.get(JSON.stringify([resource, direction])) ?? { min: null, max: null };
  }

  rememberScaling(resource: string, direction: ChangeDirection | null, range: Range): void {
    const key = JSON.stringify([resource, direction]);
    const before = this.scaling.get(key) ?? { min: null, max: null };
    this.scaling.set(key, { min: range.min ?? before.min, max: range.max ?? before.max });
  }

  /** A deregistered target starts afresh if registered again. */
  forgetScaling(resource: string, direction: ChangeDirection | null): void {
    this.scaling.delete(JSON.stringify([resource, direction]));
  }
}
