import type { TableConsumption } from "./consumed-capacity";
import type { AccessKind, MeteredOperation } from "./operations";
import type { TableCapacityModel } from "./table-catalog";
import { TokenBucket } from "./token-bucket";

export type ThrottleCause = "KeyRange" | "Provisioned" | "AccountLimit" | "MaxOnDemand";

const REASON_SUFFIX: Record<ThrottleCause, string> = {
  KeyRange: "KeyRangeThroughputExceeded",
  Provisioned: "ProvisionedThroughputExceeded",
  AccountLimit: "AccountLimitExceeded",
  MaxOnDemand: "MaxOnDemandThroughputExceeded",
};

export type ThrottleDecision = {
  cause: ThrottleCause;
  kind: AccessKind;
  table: string;
  /** The GSI that ran out, for index throttles (including back-pressure on a base-table write). */
  index: string | null;
  /** e.g. TableWriteKeyRangeThroughputExceeded, IndexWriteProvisionedThroughputExceeded */
  reason: string;
  resource: string;
  /** The hot partition key, for key-range throttles. */
  partitionKey: string | null;
  /** On-demand tables answer key-range throttles with ThrottlingException, provisioned ones with ProvisionedThroughputExceededException. */
  onDemand: boolean;
};

export type EnforcerConfig = {
  /** Scales the per-partition cap (3,000 RCU / 1,000 WCU per second) and the account limits, so a laptop can reach them. */
  capacityScale: number;
  /** Per-table on-demand account limits before scaling (AWS default 40,000 RRU and WRU). */
  accountTableLimit: { read: number; write: number };
  /** Seconds of unused provisioned capacity a table or GSI may save up (AWS: 300). */
  burstSeconds: number;
  /** False meters without ever throttling, e.g. for a benchmark of the dashboard itself. */
  enforce: boolean;
  /**
   * Seconds of capacity a table's or GSI's bucket holds when first used (default 1, so tests meet the limit promptly).
   * The demo's history starts tables that ran before it with some saved, as the baselines do (baseline-history.ts).
   */
  savedSecondsAtStart?: number;
};

export const DEFAULT_ENFORCER_CONFIG: EnforcerConfig = {
  capacityScale: 1,
  accountTableLimit: { read: 40_000, write: 40_000 },
  burstSeconds: 300,
  enforce: true,
};

const PARTITION_CAP = { read: 3_000, write: 1_000 } as const;
/** Idle per-key buckets are dropped after this long, so a scan over millions of keys cannot grow memory without bound. */
const KEY_IDLE_MS = 120_000;

type Limits = { provisioned: number | null; onDemandMax: number | null; onDemand: boolean };

function limitsOf(target: Pick<TableCapacityModel, "provisioned" | "onDemandMax">, kind: AccessKind, onDemand: boolean): Limits {
  return { provisioned: target.provisioned?.[kind] ?? null, onDemandMax: target.onDemandMax?.[kind] ?? null, onDemand };
}

/** Token buckets per table, per GSI and per partition key, enforcing the limits DynamoDB enforces. */
export class CapacityEnforcer {
  private readonly buckets = new Map<string, { bucket: TokenBucket; usedAt: number }>();

  constructor(
    private readonly config: EnforcerConfig,
    private readonly now: () => number = Date.now,
  ) {}

  private bucket(id: string, rate: number, burstSeconds: number, initialSeconds = 1): TokenBucket {
    const existing = this.buckets.get(id);
    if (existing) {
      if (existing.bucket.rate !== rate) existing.bucket.setRate(rate);
      existing.usedAt = this.now();
      return existing.bucket;
    }
    const bucket = new TokenBucket(rate, burstSeconds, this.now, initialSeconds);
    this.buckets.set(id, { bucket, usedAt: this.now() });
    return bucket;
  }

  /** The capacity buckets of a table or GSI, each with the cause it throttles for. */
  private resourceBuckets(id: string, kind: AccessKind, limits: Limits): Array<[TokenBucket, ThrottleCause]> {
    const result: Array<[TokenBucket, ThrottleCause]> = [];
    if (limits.provisioned !== null) result.push([this.bucket(`${id}:${kind}:provisioned`, limits.provisioned, this.config.burstSeconds, this.config.savedSecondsAtStart), "Provisioned"]);
    if (limits.onDemandMax !== null) result.push([this.bucket(`${id}:${kind}:max`, limits.onDemandMax, 0), "MaxOnDemand"]);
    if (limits.onDemand) {
      const limit = this.config.accountTableLimit[kind] * this.config.capacityScale;
      result.push([this.bucket(`${id}:${kind}:account`, limit, 0), "AccountLimit"]);
    }
    return result;
  }

  private keyBucket(resourceId: string, kind: AccessKind, pk: string): TokenBucket {
    return this.bucket(`${resourceId}:${kind}:key:${pk}`, PARTITION_CAP[kind] * this.config.capacityScale, 0);
  }

  /** Whether the request would be throttled now, and why. Checks the hottest constraint first: the key, then the resource. */
  check(operation: MeteredOperation, models: ReadonlyMap<string, TableCapacityModel>): ThrottleDecision | null {
    if (!this.config.enforce) return null;
    this.pruneIdleKeys();
    for (const access of operation.accesses) {
      const model = models.get(access.table);
      if (!model) continue;
      const onDemand = model.billingMode === "PAY_PER_REQUEST";
      const gsi = access.index ? model.gsis.find((candidate) => candidate.name === access.index) : undefined;
      const target = gsi ?? model;
      const resourceId = gsi ? `${model.name}/${gsi.name}` : model.name;
      const decide = (cause: ThrottleCause, index: typeof gsi, partitionKey: string | null): ThrottleDecision => ({
        cause,
        kind: operation.kind,
        table: model.name,
        index: index?.name ?? null,
        reason: `${index ? "Index" : "Table"}${operation.kind === "read" ? "Read" : "Write"}${REASON_SUFFIX[cause]}`,
        resource: index?.arn ?? model.arn,
        partitionKey,
        onDemand,
      });

      for (const key of access.keys) {
        if (!this.keyBucket(resourceId, operation.kind, key.pk).hasCapacity()) return decide("KeyRange", gsi, key.pk);
      }
      for (const [bucket, cause] of this.resourceBuckets(resourceId, operation.kind, limitsOf(target, operation.kind, onDemand))) {
        if (!bucket.hasCapacity()) return decide(cause, gsi, null);
      }
      if (operation.kind === "write") {
        // GSI back-pressure: a base-table write that must update an exhausted GSI is throttled, naming the index.
        for (const index of model.gsis) {
          if (access.gsisWritten && !access.gsisWritten.includes(index.name)) continue;
          for (const [bucket, cause] of this.resourceBuckets(`${model.name}/${index.name}`, "write", limitsOf(index, "write", onDemand))) {
            if (!bucket.hasCapacity()) return decide(cause, index, null);
          }
        }
      }
    }
    return null;
  }

  /** Charges what DynamoDB reported. A request's keys share its table-level units equally (batch responses don't split them). */
  charge(operation: MeteredOperation, consumption: readonly TableConsumption[], models: ReadonlyMap<string, TableCapacityModel>): void {
    for (const consumed of consumption) {
      const model = models.get(consumed.table);
      if (!model) continue;
      const onDemand = model.billingMode === "PAY_PER_REQUEST";
      for (const [bucket] of this.resourceBuckets(model.name, operation.kind, limitsOf(model, operation.kind, onDemand))) bucket.consume(consumed.tableUnits);
      for (const [indexName, units] of consumed.gsiUnits) {
        const gsi = model.gsis.find((candidate) => candidate.name === indexName);
        if (!gsi) continue;
        for (const [bucket] of this.resourceBuckets(`${model.name}/${gsi.name}`, operation.kind, limitsOf(gsi, operation.kind, onDemand))) bucket.consume(units);
      }
      const access = operation.accesses.find((candidate) => candidate.table === consumed.table);
      if (!access || access.keys.length === 0) continue;
      const resourceId = access.index ? `${model.name}/${access.index}` : model.name;
      const units = access.index ? (consumed.gsiUnits.get(access.index) ?? 0) : consumed.tableUnits;
      for (const key of access.keys) this.keyBucket(resourceId, operation.kind, key.pk).consume(units / access.keys.length);
    }
  }

  private pruneIdleKeys(): void {
    if (this.buckets.size < 10_000) return;
    const cutoff = this.now() - KEY_IDLE_MS;
    for (const [id, entry] of this.buckets) if (entry.usedAt < cutoff && id.includes(":key:")) this.buckets.delete(id);
  }
}
