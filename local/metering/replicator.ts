import type { RequestScope } from "../aws/shared/sigv4-scope";
import { consumptionOf } from "./consumed-capacity";
import { globalTableOf, type GlobalTableDefinition } from "./global-tables";
import type { WireItem } from "./request-keys";
import { ReplicationQueue } from "./replication-queue";
import type { TableCapacityModel } from "./table-catalog";
import type { TenantMeters } from "./tenant-meters";
import { callUpstream } from "./upstream";
import { writtenKeys } from "./write-keys";

type Route = { definition: GlobalTableDefinition; source: string; target: string; queue: ReplicationQueue<WireItem> };

export type ReplicatorOptions = {
  upstream: URL;
  definitions: readonly GlobalTableDefinition[];
  tenants: TenantMeters;
  now: () => number;
  log: (line: string) => void;
  /** How often due writes are applied. */
  tickMs?: number;
};

/**
 * Global tables' replication, played by the proxy: each successful write to a replicated table is queued for every
 * other region and applied there once its lag has passed. Applying copies the item's current state from the source
 * region (or deletes it there, if it is gone), which is how a stream-fed replica converges: last writer wins.
 * ReplicationLatency is measured per applied write and PendingReplicationCount is what is still queued.
 */
export class Replicator {
  private readonly routes: Route[] = [];
  /** Null when there is nothing to replicate, so a proxy without global tables runs no timer. */
  private readonly timer: NodeJS.Timeout | null;
  private running: Promise<void> | null = null;
  private loggedFailures = 0;

  constructor(private readonly options: ReplicatorOptions) {
    for (const definition of options.definitions) {
      for (const source of definition.regions) {
        // The sending region's tenant exists from the start, so its pending count is published before the first write.
        options.tenants.get(definition.accessKeyId, source);
        for (const target of definition.regions) {
          if (target !== source) this.routes.push({ definition, source, target, queue: new ReplicationQueue(definition.lag(source, target)) });
        }
      }
    }
    this.timer = this.routes.length > 0 ? setInterval(() => this.tick(), options.tickMs ?? 200) : null;
    this.timer?.unref();
  }

  /** Queues the items a successful write changed in any replicated table it touched. */
  captured(scope: RequestScope, operation: string, request: unknown, models: ReadonlyMap<string, TableCapacityModel>): void {
    const writtenAtMs = this.options.now();
    for (const model of models.values()) {
      const definition = globalTableOf(this.options.definitions, scope.accessKeyId, scope.region, model.name);
      if (!definition) continue;
      const keys = writtenKeys(operation, request, model.name, model);
      for (const route of this.routes) {
        if (route.definition !== definition || route.source !== scope.region) continue;
        for (const key of keys) route.queue.enqueue(key, writtenAtMs);
      }
    }
  }

  /** Samples PendingReplicationCount into each sending region's metrics; called before every flush. */
  samplePending(): void {
    for (const route of this.routes) {
      if (!route.definition.publishPendingReplicationCount) continue;
      this.options.tenants.get(route.definition.accessKeyId, route.source).meter.pendingReplication(route.definition.tableName, route.target, route.queue.size);
    }
  }

  pending(): number {
    return this.routes.reduce((sum, route) => sum + route.queue.size, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    const left = this.pending();
    if (left > 0) this.options.log(`replication: stopped with ${left} writes not yet replicated`);
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.applyDue().finally(() => {
      this.running = null;
    });
  }

  private async applyDue(): Promise<void> {
    for (const route of this.routes) {
      for (let write = route.queue.peekDue(this.options.now()); write; write = route.queue.peekDue(this.options.now())) {
        try {
          await this.apply(route, write.payload);
        } catch (error) {
          // Left at the head of its queue and retried next tick, as a stream consumer retries a record.
          if (this.loggedFailures++ < 5) this.options.log(`replication to ${route.target} failed, will retry: ${error instanceof Error ? error.message : String(error)}`);
          break;
        }
        route.queue.shift();
        const source = this.options.tenants.get(route.definition.accessKeyId, route.source);
        source.meter.replicated(route.definition.tableName, route.target, this.options.now() - write.writtenAtMs);
      }
    }
  }

  private async apply(route: Route, key: WireItem): Promise<void> {
    const { accessKeyId, tableName } = route.definition;
    const current = await callUpstream(this.options.upstream, { accessKeyId, region: route.source }, "GetItem", { TableName: tableName, Key: key, ConsistentRead: true });
    const item = current.Item;
    const written =
      item && typeof item === "object"
        ? await callUpstream(this.options.upstream, { accessKeyId, region: route.target }, "PutItem", { TableName: tableName, Item: item, ReturnConsumedCapacity: "INDEXES" })
        : await callUpstream(this.options.upstream, { accessKeyId, region: route.target }, "DeleteItem", { TableName: tableName, Key: key, ReturnConsumedCapacity: "INDEXES" });
    const target = this.options.tenants.get(accessKeyId, route.target);
    const model = await target.catalog.get(tableName);
    target.meter.replicatedWrite(tableName, consumptionOf(written), new Map(model ? [[tableName, model]] : []));
  }
}
