/**
 * One table's part of its scope's auto scaling: the targets whose ResourceId is `table/<name>` or
 * `table/<name>/index/<gsi>` (DynamoDB's resource ids; a table name cannot contain "/"), each with its policies,
 * scheduled actions and the activities that started in the window. Client-safe, pure.
 */
import { targetActivities } from "./scaling-activity";
import type { ScalableDimension, ScalingTarget } from "./scaling-types";
import type { ScopeScalingData } from "./scope-scaling-data";

/** The table (null) or GSI a resource id names, when it belongs to `table`; undefined otherwise. */
export function resourceIndex(resourceId: string, table: string): string | null | undefined {
  const prefix = `table/${table}`;
  if (resourceId === prefix) return null;
  if (!resourceId.startsWith(`${prefix}/index/`)) return undefined;
  const index = resourceId.slice(prefix.length + "/index/".length);
  return index.length > 0 && !index.includes("/") ? index : undefined;
}

export const dimensionKind = (dimension: ScalableDimension): "read" | "write" => (dimension.endsWith(":ReadCapacityUnits") ? "read" : "write");

const KIND_ORDER = { read: 0, write: 1 } as const;

/** The table's targets: the table's first, then each GSI's by name; reads before writes. */
export function tableTargets(data: ScopeScalingData, table: string, window: { start: number; end: number }): ScalingTarget[] {
  const targets: ScalingTarget[] = [];
  for (const target of data.targets) {
    const index = resourceIndex(target.resourceId, table);
    if (index === undefined) continue;
    const same = (entry: { resourceId: string; dimension: ScalableDimension | null }) => entry.resourceId === target.resourceId && (entry.dimension === null || entry.dimension === target.dimension);
    targets.push({
      resourceId: target.resourceId,
      index,
      kind: dimensionKind(target.dimension),
      dimension: target.dimension,
      minCapacity: target.minCapacity,
      maxCapacity: target.maxCapacity,
      suspended: target.suspended,
      policies: data.policies.filter(same).map((entry) => entry.policy).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      scheduledActions: data.scheduledActions.filter(same).map((entry) => entry.action).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      activities: targetActivities(data.activities.filter(same), (activity) => activity.start >= window.start && activity.start < window.end),
    });
  }
  return targets.sort((a, b) => (a.index === b.index ? KIND_ORDER[a.kind] - KIND_ORDER[b.kind] : a.index === null ? -1 : b.index === null ? 1 : a.index < b.index ? -1 : 1));
}
