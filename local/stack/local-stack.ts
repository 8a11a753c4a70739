import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalAutoScaling, type RunningLocalAutoScaling } from "../aws/autoscaling/start-local-autoscaling";
import { autoScalingRoleIdentity } from "../aws/cloudtrail/identities";
import { startLocalCloudTrail, type RunningLocalCloudTrail } from "../aws/cloudtrail/start-local-cloudtrail";
import { startLocalCloudWatch, type RunningLocalCloudWatch } from "../aws/cloudwatch/start-local-cloudwatch";
import { startDynamoDbLocal, type RunningDynamoDbLocal } from "../dynamodb-local/start-dynamodb-local";
import { DEMO_ACCOUNT, DEMO_FLEET, fleetAccount, REPLICA_REGION, type FleetAccount } from "../fleet/demo-fleet";
import { fleetDynamoDb } from "../fleet/fleet-clients";
import { writeFleetFiles, type FleetFiles } from "../fleet/fleet-files";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../local-clients";
import type { ContributorInsightsConfig } from "../metering/contributor-insights";
import { simulatedUpdateTable } from "../metering/management-events";
import { startMeteringProxy, type RunningMeteringProxy } from "../metering/metering-proxy";
import { httpMetricsSink } from "../metering/metrics-sink";
import type { StreamsOptions } from "../metering/stream-endpoint";
import { seedDemo, type SeedResult } from "../seed/seed-demo";
import { seedFleet } from "../seed/seed-fleet";
import { combinedWorkload, startLiveWorkload, type LiveWorkload } from "../workload/run-live";
import { publishDemoBaselines } from "./demo-baselines";
import { deployChangeAt, deployNow, historyDeploy, raiseSessionsForDeploy } from "./demo-deploy";
import { DEMO_CONTRIBUTOR_INSIGHTS } from "./demo-insights";
import type { CapacityChange } from "./history-scaling";
import { lowerGsi1ToMinimum, setUpDemoScaling } from "./demo-scaling";
import { simulateTenantHistories, type StackHistory } from "./stack-history";
import { publishTenantLongHistories } from "./stack-long-history";
import { DEMO_GLOBAL_TABLES, fleetPlans, singleAccountPlans, type TenantPlan } from "./tenant-plans";

/**
 * How often the demo's streams roll to a new shard (AWS: about every 4 hours), so a tail or a stream sample running for
 * a while crosses a shard end and must follow the child shard, as it must on AWS.
 */
export const DEMO_SHARD_ROLL_MS = 10 * 60_000;

export type LocalStack = {
  dynamodb: RunningDynamoDbLocal;
  cloudwatch: RunningLocalCloudWatch;
  proxy: RunningMeteringProxy;
  /** The local Application Auto Scaling (AUTOSCALING_ENDPOINT), scaling through the proxy on the local CloudWatch's alarms. */
  autoscaling: RunningLocalAutoScaling;
  /** The local CloudTrail (CLOUDTRAIL_ENDPOINT): the proxy's and auto scaling's management calls, and the demo's deploy. */
  cloudtrail: RunningLocalCloudTrail;
  seed: SeedResult[];
  history: StackHistory | null;
  workload: LiveWorkload | null;
  /** With `fleet`: the accounts served and the files written for them (ACCOUNTS_FILE and the AWS config files). */
  fleet: (FleetFiles & { accounts: readonly FleetAccount[] }) | null;
  /** The environment that points the dashboard at this stack: DynamoDB through the metering proxy, and the local CloudWatch. */
  dashboardEnv: Record<string, string>;
  stop: () => Promise<void>;
};

export type LocalStackOptions = {
  seed: boolean;
  /**
   * Two accounts and two regions: the demo account in us-east-1 and eu-west-1 (with the Profiles global table between
   * them) and the analytics account in us-east-1, plus an ACCOUNTS_FILE and AWS config files naming them by profile.
   * Without it, only the demo account's us-east-1 is seeded and driven (the single-account demo).
   */
  fleet?: boolean;
  /** Where the fleet's files go; a temporary directory (removed at stop) when unset. */
  fleetDir?: string;
  dynamodbPort?: number;
  proxyPort?: number;
  cloudwatchPort?: number;
  autoscalingPort?: number;
  cloudtrailPort?: number;
  /** False turns off LookupEvents' two-requests-per-second limit (on by default, as in AWS). */
  cloudtrailRateLimit?: boolean;
  heapMb?: number;
  dataDir?: string;
  cloudwatchSnapshot?: string;
  capacityScale?: number;
  /** False: the proxy meters and publishes but never throttles (the benchmark measures the dashboard, not the demo's capacity). */
  enforceCapacity?: boolean;
  /** Contributor Insights in the demo account's us-east-1 (the other tenants start with it off). */
  contributorInsights?: ContributorInsightsConfig;
  /** Simulated history to publish before live traffic starts, in ms. */
  historyMs?: number;
  /**
   * With a seeded history: the 14 days before it as per-minute metrics (demo-long-history.ts), so the cost advisor has
   * days to advise on. Default true; false leaves only the history and its baselines.
   */
  longHistory?: boolean;
  workload?: boolean;
  /** How often the proxy publishes metrics; DynamoDB publishes every minute, the demo a little faster. */
  flushIntervalMs?: number;
  /** DynamoDB Streams through the proxy; by default AWS's read limit, and shards rolled every DEMO_SHARD_ROLL_MS. */
  streams?: StreamsOptions;
  log?: (line: string) => void;
};

/**
 * The embedded default: DynamoDB Local, a local CloudWatch, the metering proxy between them, the demo data, and
 * optionally simulated history and live demo traffic. `npm run demo`, the e2e tests and the bench all use it.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const stoppers: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop();
  };
  try {
    const dynamodb = await startDynamoDbLocal({ port: options.dynamodbPort, heapMb: options.heapMb, dataDir: options.dataDir });
    stoppers.push(dynamodb.stop);
    log(`DynamoDB Local answering on ${dynamodb.endpoint}`);
    // While the history is simulated, the local CloudWatch and auto scaling run on its clock (alarm passes, alarm and
    // scaling history, creation times), so its own once-a-minute pass does not evaluate "now" in the middle of it.
    let historyClock: number | null = null;
    const stackClock = () => historyClock ?? Date.now();
    const cloudwatch = await startLocalCloudWatch({ port: options.cloudwatchPort, snapshotPath: options.cloudwatchSnapshot, log, now: stackClock });
    stoppers.push(cloudwatch.stop);
    // CloudTrail too: events recorded during the history carry the history's time.
    const cloudtrail = await startLocalCloudTrail({ port: options.cloudtrailPort, rateLimit: options.cloudtrailRateLimit, log, now: stackClock });
    stoppers.push(cloudtrail.stop);
    // Straight to DynamoDB Local, one client per account and region: DynamoDB Local keeps a database per key and region.
    const admin = (account: FleetAccount, region: string) => {
      const client = fleetDynamoDb(dynamodb.endpoint, account, region, { maxAttempts: 10 });
      stoppers.push(async () => client.destroy());
      return client;
    };
    const sink = httpMetricsSink(cloudwatch.endpoint);
    stoppers.push(async () => sink.destroy());

    const contributorInsights = options.contributorInsights ?? DEMO_CONTRIBUTOR_INSIGHTS;
    const plans = options.fleet ? fleetPlans(contributorInsights) : singleAccountPlans(contributorInsights);
    const home = admin(DEMO_ACCOUNT, LOCAL_REGION);
    const seed: SeedResult[] = [];
    if (options.seed) {
      seed.push(...(await seedDemo(home, log)));
      await lowerGsi1ToMinimum(home);
      await raiseSessionsForDeploy(home);
      if (options.fleet) {
        const analytics = fleetAccount("analytics", DEMO_FLEET);
        const target = (account: FleetAccount, region: string) => ({ client: admin(account, region), label: `${account.name}/${region}` });
        seed.push(...(await seedFleet({ primary: target(DEMO_ACCOUNT, LOCAL_REGION), replicas: [target(DEMO_ACCOUNT, REPLICA_REGION)], analytics: target(analytics, LOCAL_REGION) }, log)));
      }
    }
    const capacityScale = options.capacityScale ?? 0.01;
    const historyMs = options.historyMs ?? 0;
    const insightsEnabledAtMs = Date.now() - historyMs;

    const proxy = await startMeteringProxy({
      upstream: dynamodb.endpoint,
      sink,
      port: options.proxyPort,
      enforcer: { capacityScale, enforce: options.enforceCapacity ?? true },
      contributorInsights: (scope) => plans.find((plan) => plan.account.credentials.accessKeyId === scope.accessKeyId && plan.region === scope.region)?.contributorInsights ?? {},
      insightsEnabledAtMs,
      globalTables: options.fleet ? DEMO_GLOBAL_TABLES : [],
      flushIntervalMs: options.flushIntervalMs ?? 10_000,
      cloudtrail: { recorder: cloudtrail },
      streams: options.streams ?? { shardRollIntervalMs: DEMO_SHARD_ROLL_MS },
      log,
    });
    stoppers.push(proxy.stop);
    // Auto scaling reads and changes capacity through the proxy, so the enforcer follows a scaling at once.
    const autoscaling = await startLocalAutoScaling({ port: options.autoscalingPort, cloudwatch, dynamodbEndpoint: proxy.endpoint, cloudtrail: { recorder: cloudtrail }, log, now: stackClock });
    stoppers.push(autoscaling.stop);
    log(`metering proxy on ${proxy.endpoint}, local CloudWatch on ${cloudwatch.endpoint}, local auto scaling on ${autoscaling.endpoint}, local CloudTrail on ${cloudtrail.endpoint}`);

    // The demo's alarms and auto scaling (demo-scaling.ts), in the demo account's home region, on the seeded tables.
    const setUpScaling = () => setUpDemoScaling({ autoscalingEndpoint: autoscaling.endpoint, cloudwatchEndpoint: cloudwatch.endpoint, account: DEMO_ACCOUNT, region: LOCAL_REGION });
    const isHome = (plan: TenantPlan) => plan.account.accountId === DEMO_ACCOUNT.accountId && plan.region === LOCAL_REGION;
    const homeTenant = { accessKeyId: DEMO_ACCOUNT.credentials.accessKeyId, accountId: DEMO_ACCOUNT.accountId, region: LOCAL_REGION };
    const historyEndMs = Date.now();
    // Auto scaling's own UpdateTable calls in the history, as CloudTrail shows them: its service-linked role's.
    const recordScaling = (change: CapacityChange) => {
      const after = { ...change.before, [change.kind]: change.capacity };
      const identity = autoScalingRoleIdentity(change.tenant.accountId, change.atMs);
      cloudtrail.record(change.tenant, simulatedUpdateTable({ tenant: change.tenant, identity, atMs: change.atMs, table: change.resource.table, index: change.resource.index, before: change.before, after }));
    };
    const history =
      historyMs > 0
        ? await simulateTenantHistories({
            plans,
            durationMs: historyMs,
            endMs: historyEndMs,
            clientFor: admin,
            sink,
            capacityScale,
            insightsEnabledAtMs,
            scaling: options.seed
              ? {
                  appliesTo: isHome,
                  useCapacity: autoscaling.useCapacity,
                  setClock: (atMs) => {
                    historyClock = atMs;
                  },
                  setUp: setUpScaling,
                  evaluateAlarms: cloudwatch.evaluateAlarms,
                  onScaled: recordScaling,
                  changes: [historyDeploy(deployChangeAt(historyEndMs - historyMs, historyMs), cloudtrail)],
                  // The same window a day and a week earlier, for the dashboard's compare=1d|1w overlays.
                  afterHistory: (tables, tenantSink) => publishDemoBaselines({ tables, historyStartMs: historyEndMs - historyMs, historyMs, sink: tenantSink, log }),
                }
              : undefined,
            log,
          })
        : null;
    if (history !== null && options.seed && (options.longHistory ?? true)) {
      const storeFor = (scope: { accessKeyId: string; region: string }) => cloudwatch.storesFor(scope.accessKeyId, scope.region).metrics;
      await publishTenantLongHistories({ plans, historyStartMs: historyEndMs - historyMs, historyEndMs, clientFor: admin, storeFor, log });
    }
    if (history === null && options.seed) {
      await setUpScaling();
      await deployNow(home, homeTenant, cloudtrail);
    }

    let workload: LiveWorkload | null = null;
    if (options.workload) {
      const workloads = plans.map((plan) => {
        const client = fleetDynamoDb(proxy.endpoint, plan.account, plan.region, { maxAttempts: 1 });
        stoppers.push(async () => client.destroy());
        const prefix = plans.length > 1 ? `${plan.account.name}/${plan.region} ` : "";
        return startLiveWorkload({ client, model: plan.model(), log: (line) => log(`${prefix}${line}`) });
      });
      workload = combinedWorkload(workloads);
      stoppers.push(workload.stop);
    }

    let fleet: LocalStack["fleet"] = null;
    if (options.fleet) {
      const directory = options.fleetDir ?? (await mkdtemp(join(tmpdir(), "dynamo-lens-fleet-")));
      if (options.fleetDir === undefined) stoppers.push(() => rm(directory, { recursive: true, force: true }));
      fleet = { ...(await writeFleetFiles(directory, DEMO_FLEET)), accounts: DEMO_FLEET };
    }

    return {
      dynamodb,
      cloudwatch,
      proxy,
      autoscaling,
      cloudtrail,
      seed,
      history,
      workload,
      fleet,
      dashboardEnv: {
        DYNAMODB_ENDPOINT: proxy.endpoint,
        CLOUDWATCH_ENDPOINT: cloudwatch.endpoint,
        AUTOSCALING_ENDPOINT: autoscaling.endpoint,
        CLOUDTRAIL_ENDPOINT: cloudtrail.endpoint,
        // DynamoDB Streams on the same proxy, which adds AWS's per-shard read limit and shard rolls to DynamoDB Local's.
        DYNAMODB_STREAMS_ENDPOINT: proxy.endpoint,
        AWS_REGION: LOCAL_REGION,
        AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
        // The proxy scales the per-partition cap; the diagnosis compares hot keys with the same scaled cap.
        PARTITION_CAP_SCALE: String(capacityScale),
        ...(fleet ? { ACCOUNTS_FILE: fleet.accountsFile, AWS_CONFIG_FILE: fleet.configFile, AWS_SHARED_CREDENTIALS_FILE: fleet.credentialsFile } : {}),
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
