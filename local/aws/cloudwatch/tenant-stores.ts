import { accountIdOf } from "../shared/account-ids";
import { scopeKey } from "../shared/sigv4-scope";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../local-clients";
import { AlarmStore } from "./alarm-store";
import { InsightStore } from "./insight-store";
import type { TenantState } from "./local-data-schemas";
import { MetricStore } from "./metric-store";

/** One account's data in one region: CloudWatch keeps metrics, Contributor Insights rules and alarms per account and region. */
export type TenantStores = { metrics: MetricStore; insights: InsightStore; alarms: AlarmStore };
export type Tenant = { accountId: string; region: string };

/** The tenant that the default credentials (access key `local`, us-east-1) sign as: the demo account's home region. */
export const DEFAULT_TENANT: Tenant = { accountId: accountIdOf(LOCAL_CREDENTIALS.accessKeyId), region: LOCAL_REGION };

/**
 * Every tenant's stores, created on first use. A request only ever reaches the stores of the account and region its
 * SigV4 credential scope names, so a metric put in eu-west-1 is invisible in us-east-1 and to another account.
 */
export class TenantRegistry {
  private readonly tenants = new Map<string, Tenant & TenantStores>();

  forTenant(tenant: Tenant): TenantStores {
    const key = scopeKey(tenant);
    let entry = this.tenants.get(key);
    if (!entry) {
      entry = { accountId: tenant.accountId, region: tenant.region, metrics: new MetricStore(), insights: new InsightStore(), alarms: new AlarmStore() };
      this.tenants.set(key, entry);
    }
    return entry;
  }

  list(): Array<Tenant & TenantStores> {
    return [...this.tenants.values()];
  }

  prune(nowMs: number = Date.now()): void {
    for (const tenant of this.tenants.values()) {
      tenant.metrics.prune(nowMs);
      tenant.insights.prune(nowMs);
      tenant.alarms.prune(nowMs);
    }
  }

  exportState(): TenantState[] {
    return this.list().map((tenant) => ({
      accountId: tenant.accountId,
      region: tenant.region,
      metrics: tenant.metrics.exportState(),
      insights: tenant.insights.exportState(),
      alarms: tenant.alarms.exportState(),
    }));
  }

  importState(states: readonly TenantState[]): void {
    this.tenants.clear();
    for (const state of states) {
      const stores = this.forTenant(state);
      stores.metrics.importState(state.metrics);
      stores.insights.importState(state.insights);
      // Snapshots written before the local CloudWatch had alarms have none.
      if (state.alarms) stores.alarms.importState(state.alarms);
    }
  }
}
