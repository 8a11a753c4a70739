import { DEMO_ACCOUNT, DEMO_FLEET, fleetAccount, REPLICA_REGION, type FleetAccount } from "../fleet/demo-fleet";
import type { ContributorInsightsConfig } from "../metering/contributor-insights";
import type { GlobalTableDefinition } from "../metering/global-tables";
import { DEMO_FALLING_BEHIND, fallingBehindLag, steadyLag } from "../metering/replication-lag";
import { analyticsModel, combinedModel, profilesPrimaryModel, replicaRegionModel } from "../workload/fleet-traffic";
import type { SimulatedReplication } from "../workload/simulate-history";
import { demoTrafficModel, type TrafficModel } from "../workload/traffic-model";
import { DEMO_CONTRIBUTOR_INSIGHTS } from "./demo-insights";

/** What the demo does in one account and region: its tables, its traffic, its Contributor Insights and its replication. */
export type TenantPlan = {
  account: FleetAccount;
  region: string;
  /** The tables whose history is simulated (they must exist there). */
  tables: readonly string[];
  /** The traffic; history and live traffic use different seeds so they do not repeat each other. */
  model: (seed?: number) => TrafficModel;
  contributorInsights: ContributorInsightsConfig;
  replication: readonly SimulatedReplication[];
};

const HOME_REGION = DEMO_ACCOUNT.regions[0] ?? "us-east-1";

/** The demo's replicas fall behind only from the home region to eu-west-1; any other direction keeps up. */
export function demoReplicationLag(source: string, target: string) {
  return source === HOME_REGION && target === REPLICA_REGION ? fallingBehindLag(DEMO_FALLING_BEHIND) : steadyLag();
}

/** `Profiles`, a 2019.11.21 global table in the demo account: us-east-1 with a replica in eu-west-1. */
export const DEMO_GLOBAL_TABLES: readonly GlobalTableDefinition[] = [
  {
    accessKeyId: DEMO_ACCOUNT.credentials.accessKeyId,
    tableName: "Profiles",
    regions: DEMO_ACCOUNT.regions,
    lag: demoReplicationLag,
    publishPendingReplicationCount: true,
  },
];

/** The single-account demo: Shop, Sessions and Events in the demo account's us-east-1. */
export function singleAccountPlans(contributorInsights: ContributorInsightsConfig = DEMO_CONTRIBUTOR_INSIGHTS): TenantPlan[] {
  return [{ account: DEMO_ACCOUNT, region: HOME_REGION, tables: ["Shop", "Sessions", "Events"], model: (seed) => demoTrafficModel(seed), contributorInsights, replication: [] }];
}

/**
 * The fleet demo: the single-account demo plus Profiles writes (replicated) in us-east-1, the replica region's own
 * traffic, and the analytics account.
 */
export function fleetPlans(contributorInsights: ContributorInsightsConfig = DEMO_CONTRIBUTOR_INSIGHTS): TenantPlan[] {
  const replication = DEMO_GLOBAL_TABLES.flatMap((table) =>
    table.regions
      .filter((region) => region !== HOME_REGION)
      .map((receivingRegion) => ({ table: table.tableName, receivingRegion, lag: table.lag(HOME_REGION, receivingRegion), publishPendingReplicationCount: table.publishPendingReplicationCount })),
  );
  return [
    {
      account: DEMO_ACCOUNT,
      region: HOME_REGION,
      tables: ["Shop", "Sessions", "Events", "Profiles"],
      model: (seed) => combinedModel(demoTrafficModel(seed), profilesPrimaryModel((seed ?? 1) + 100)),
      contributorInsights,
      replication,
    },
    { account: DEMO_ACCOUNT, region: REPLICA_REGION, tables: ["Profiles", "Invoices"], model: (seed) => replicaRegionModel(seed), contributorInsights: {}, replication: [] },
    { account: fleetAccount("analytics", DEMO_FLEET), region: HOME_REGION, tables: ["Reports"], model: (seed) => analyticsModel(seed), contributorInsights: {}, replication: [] },
  ];
}
