import { UpdateTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { CapacityKind, ResourceRef, Tenant } from "../aws/autoscaling/identifiers";
import type { CapacityPort } from "../aws/autoscaling/scaling-ports";
import { DecreaseLimit } from "../metering/decrease-limit";
import type { TableCapacityModel } from "../metering/table-catalog";

type Provisioned = { read: number; write: number } | null;

/** A capacity change applied to the history's models, with the table or GSI's units before it. */
export type CapacityChange = { tenant: Tenant; resource: ResourceRef; kind: CapacityKind; capacity: number; atMs: number; before: { read: number; write: number } };

const withUnits = (provisioned: Provisioned, kind: CapacityKind, capacity: number): Provisioned => (provisioned ? { ...provisioned, [kind]: capacity } : null);

/**
 * Auto scaling's view of capacity during the simulated history: the history's in-memory table models of one tenant,
 * which the history meters against (so throttling and the published ProvisionedWriteCapacityUnits follow a scaling
 * at once), with DynamoDB's daily decrease limit as the proxy enforces it. Other tenants have no tables here.
 */
export function historyCapacityPort(owner: Pick<Tenant, "accountId" | "region">, models: Map<string, TableCapacityModel>, onChange?: (change: CapacityChange) => void): CapacityPort {
  const limit = new DecreaseLimit();
  const mine = (tenant: Tenant) => tenant.accountId === owner.accountId && tenant.region === owner.region;
  const provisionedOf = (resource: ResourceRef): Provisioned => {
    const model = models.get(resource.table);
    if (!model) return null;
    if (resource.index === null) return model.provisioned;
    return model.gsis.find((gsi) => gsi.name === resource.index)?.provisioned ?? null;
  };
  return {
    current: async (tenant, resource, kind) => (mine(tenant) ? (provisionedOf(resource)?.[kind] ?? null) : null),
    apply: async (tenant, resource, kind, capacity, atMs) => {
      const model = models.get(resource.table);
      const units = provisionedOf(resource);
      const current = units?.[kind];
      if (!mine(tenant) || !model || !units || current === undefined) throw new Error(`Requested resource not found: ${resource.table}`);
      const limitKey = resource.index === null ? resource.table : `${resource.table}/index/${resource.index}`;
      if (capacity < current) {
        const verdict = limit.check(limitKey, atMs);
        if (!verdict.allowed) throw Object.assign(new Error(verdict.message), { name: "LimitExceededException" });
        limit.record(limitKey, atMs);
      }
      models.set(
        model.name,
        resource.index === null
          ? { ...model, provisioned: withUnits(model.provisioned, kind, capacity) }
          : { ...model, gsis: model.gsis.map((gsi) => (gsi.name === resource.index ? { ...gsi, provisioned: withUnits(gsi.provisioned, kind, capacity) } : gsi)) },
      );
      onChange?.({ tenant, resource, kind, capacity, atMs, before: units });
    },
  };
}

/** Gives the real tables the capacity the history ended with, so live traffic carries on from there. */
export async function applyFinalCapacity(client: DynamoDBClient, initial: readonly TableCapacityModel[], final: ReadonlyMap<string, TableCapacityModel>): Promise<string[]> {
  const changes: string[] = [];
  for (const before of initial) {
    const after = final.get(before.name);
    if (!after) continue;
    const same = (a: Provisioned, b: Provisioned) => a?.read === b?.read && a?.write === b?.write;
    const gsiUpdates = after.gsis.flatMap((gsi) => {
      const was = before.gsis.find((candidate) => candidate.name === gsi.name);
      return gsi.provisioned && !same(gsi.provisioned, was?.provisioned ?? null)
        ? [{ Update: { IndexName: gsi.name, ProvisionedThroughput: { ReadCapacityUnits: gsi.provisioned.read, WriteCapacityUnits: gsi.provisioned.write } } }]
        : [];
    });
    const table = after.provisioned && !same(after.provisioned, before.provisioned) ? { ReadCapacityUnits: after.provisioned.read, WriteCapacityUnits: after.provisioned.write } : undefined;
    if (!table && gsiUpdates.length === 0) continue;
    await client.send(new UpdateTableCommand({ TableName: before.name, ...(table ? { ProvisionedThroughput: table } : {}), ...(gsiUpdates.length > 0 ? { GlobalSecondaryIndexUpdates: gsiUpdates } : {}) }));
    changes.push(`${before.name}: ${[table ? `${table.ReadCapacityUnits} RCU / ${table.WriteCapacityUnits} WCU` : "", ...gsiUpdates.map((update) => `${update.Update.IndexName} ${update.Update.ProvisionedThroughput.WriteCapacityUnits} WCU / ${update.Update.ProvisionedThroughput.ReadCapacityUnits} RCU`)].filter(Boolean).join(", ")}`);
  }
  return changes;
}
