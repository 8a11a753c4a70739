import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { requestScopeOf, type RequestScope } from "../aws/shared/sigv4-scope";
import type { EnforcerConfig } from "./capacity-enforcer";
import type { ContributorInsightsConfig } from "./contributor-insights";
import { Meter } from "./meter";
import type { MetricsSink, ScopedMetricsSink } from "./metrics-sink";
import { TableCatalog } from "./table-catalog";

/**
 * Everything the proxy keeps for one access key in one region. The same table name in two regions (or two accounts)
 * is two tables, with their own capacity, throttling, Contributor Insights and metrics, as in AWS.
 */
export type TenantMeter = {
  scope: RequestScope;
  /** An unmetered client on DynamoDB Local that signs as this key and region, so it reaches this tenant's database. */
  client: DynamoDBClient;
  catalog: TableCatalog;
  meter: Meter;
  sink: MetricsSink;
};

export type TenantMetersConfig = {
  upstream: string;
  sink: ScopedMetricsSink;
  enforcer?: Partial<EnforcerConfig>;
  contributorInsightsFor: (scope: RequestScope) => ContributorInsightsConfig;
  insightsEnabledAtMs?: number;
  now: () => number;
};

// DynamoDB Local checks no signature, only the key id and region of the credential scope; the secret is a placeholder.
const PLACEHOLDER_SECRET = "metering-proxy";

/** The proxy's tenants, made on a tenant's first request. Keyed by access key, which is where DynamoDB Local draws its line. */
export class TenantMeters {
  private readonly tenants = new Map<string, TenantMeter>();

  constructor(private readonly config: TenantMetersConfig) {}

  get(accessKeyId: string, region: string): TenantMeter {
    const key = `${accessKeyId}/${region}`;
    const existing = this.tenants.get(key);
    if (existing) return existing;
    const scope = requestScopeOf({ accessKeyId, region });
    const client = new DynamoDBClient({ endpoint: this.config.upstream, region, credentials: { accessKeyId, secretAccessKey: PLACEHOLDER_SECRET }, maxAttempts: 3 });
    const catalog = new TableCatalog(client, 10_000, this.config.now);
    const meter = new Meter({
      enforcer: this.config.enforcer,
      contributorInsights: this.config.contributorInsightsFor(scope),
      insightsEnabledAtMs: this.config.insightsEnabledAtMs,
      now: this.config.now,
      modelOf: (table) => catalog.get(table),
    });
    const tenant = { scope, client, catalog, meter, sink: this.config.sink.forScope({ accessKeyId, region }) };
    this.tenants.set(key, tenant);
    return tenant;
  }

  all(): TenantMeter[] {
    return [...this.tenants.values()];
  }

  destroy(): void {
    for (const tenant of this.tenants.values()) tenant.client.destroy();
    this.tenants.clear();
  }
}
