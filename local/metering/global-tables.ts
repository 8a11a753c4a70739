import { z } from "zod";
import type { LagModel } from "./replication-lag";

/** The current global tables version (2017.11.29 is the legacy one). */
export const GLOBAL_TABLE_VERSION = "2019.11.21";

/**
 * A global table the proxy plays: DynamoDB Local has no global tables, so each region holds an ordinary table of the
 * same name and the proxy replicates writes between them and describes them as AWS does.
 */
export type GlobalTableDefinition = {
  /** Whose tables: DynamoDB Local keeps one database per access key and region. */
  accessKeyId: string;
  tableName: string;
  /** Every region with a replica. Writes in any of them reach all the others (2019.11.21 replicas are all writable). */
  regions: readonly string[];
  /** How long a write made in `source` takes to appear in `target`. */
  lag: (source: string, target: string) => LagModel;
  /**
   * AWS documents PendingReplicationCount for version 2017.11.29 only; for 2019.11.21 it publishes ReplicationLatency
   * alone. The demo publishes both (so the dashboard can show both); false reproduces what AWS does today.
   */
  publishPendingReplicationCount: boolean;
};

/** The global table `table` belongs to for this key, if it is replicated and `region` holds a replica. */
export function globalTableOf(definitions: readonly GlobalTableDefinition[], accessKeyId: string, region: string, table: string): GlobalTableDefinition | undefined {
  return definitions.find((definition) => definition.accessKeyId === accessKeyId && definition.tableName === table && definition.regions.includes(region));
}

const describeTableOutput = z.looseObject({ Table: z.looseObject({ TableName: z.string() }).optional() });

/**
 * Adds what DescribeTable says of a 2019.11.21 global table: `GlobalTableVersion` and `Replicas`, one
 * ReplicaDescription per *other* region (the region being asked is the table itself, not a replica of it), each
 * ACTIVE. Any other table's description is returned unchanged.
 */
export function describeAsGlobalTable(body: string, definitions: readonly GlobalTableDefinition[], accessKeyId: string, region: string): string {
  const parsed = describeTableOutput.safeParse(JSON.parse(body));
  const table = parsed.success ? parsed.data.Table : undefined;
  const definition = table ? globalTableOf(definitions, accessKeyId, region, table.TableName) : undefined;
  if (!parsed.success || !table || !definition) return body;
  const replicas = definition.regions.filter((other) => other !== region).map((other) => ({ RegionName: other, ReplicaStatus: "ACTIVE" }));
  return JSON.stringify({ ...parsed.data, Table: { ...table, GlobalTableVersion: GLOBAL_TABLE_VERSION, Replicas: replicas } });
}
