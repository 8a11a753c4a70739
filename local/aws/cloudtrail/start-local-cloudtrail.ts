import { createAwsJsonServer } from "../shared/aws-json-server";
import type { OperationStats } from "../shared/operation-stats";
import { close, listen } from "../shared/server-lifecycle";
import { lookupEventsOperation } from "./lookup-events";
import { LookupRateLimit } from "./lookup-rate-limit";
import type { CloudTrailRecorder } from "./recorder";
import { TrailStore } from "./trail-store";

/**
 * The Smithy service name the SDK puts in X-Amz-Target (`CloudTrail_20131101.LookupEvents`; AWS JSON 1.1, signing name
 * `cloudtrail`). AWS's API reference spells the target with the full namespace
 * (`com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents`), which the service also accepts.
 */
export const CLOUDTRAIL_TARGET_PREFIX = "CloudTrail_20131101";
const NAMESPACED_PREFIX = `com.amazonaws.cloudtrail.v20131101.${CLOUDTRAIL_TARGET_PREFIX}.`;

/** AWS: two lookups per second per account and region. */
export const LOOKUP_REQUESTS_PER_SECOND = 2;

export type LocalCloudTrailOptions = {
  port?: number;
  /** False turns the two-lookups-per-second limit off, for tests that do not test it. */
  rateLimit?: boolean;
  log?: (line: string) => void;
  now?: () => number;
};

export type RunningLocalCloudTrail = CloudTrailRecorder & {
  /** http://127.0.0.1:<port> (CLOUDTRAIL_ENDPOINT) */
  endpoint: string;
  port: number;
  store: TrailStore;
  stats: OperationStats;
  stop: () => Promise<void>;
};

/**
 * A local stand-in for CloudTrail's Event history: LookupEvents over the management events the other local services
 * record in process (record()), per account and region. Test and demo infrastructure only; the product never imports it.
 */
export async function startLocalCloudTrail(options: LocalCloudTrailOptions = {}): Promise<RunningLocalCloudTrail> {
  const now = options.now ?? Date.now;
  const store = new TrailStore(now);
  const rateLimit = options.rateLimit === false ? null : new LookupRateLimit(LOOKUP_REQUESTS_PER_SECOND);
  const { server, stats } = createAwsJsonServer({
    serviceName: "local CloudTrail",
    targetPrefix: CLOUDTRAIL_TARGET_PREFIX,
    protocol: "awsJson1_1",
    operations: new Map([["LookupEvents", lookupEventsOperation(store, rateLimit)]]),
    log: options.log ?? (() => undefined),
    now,
  });
  // Runs before the shared handler: the namespaced target names the same operation.
  server.prependListener("request", (request) => {
    const target = request.headers["x-amz-target"];
    if (typeof target === "string" && target.startsWith(NAMESPACED_PREFIX)) {
      request.headers["x-amz-target"] = `${CLOUDTRAIL_TARGET_PREFIX}.${target.slice(NAMESPACED_PREFIX.length)}`;
    }
  });
  const port = await listen(server, options.port ?? 0);
  let stopping: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    store,
    stats,
    record: (tenant, call) => {
      store.record(tenant, call);
    },
    stop: () => {
      stopping ??= close(server);
      return stopping;
    },
  };
}
