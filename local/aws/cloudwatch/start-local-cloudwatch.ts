import { close, listen } from "../shared/server-lifecycle";
import { requestScopeOf } from "../shared/sigv4-scope";
import type { AlarmActionHandler } from "./alarm-actions";
import { AlarmScheduler } from "./alarm-scheduler";
import { createCloudWatchServer } from "./http-server";
import type { InsightStore } from "./insight-store";
import type { MetricStore } from "./metric-store";
import { readSnapshot, writeSnapshot } from "./snapshot-file";
import { DEFAULT_TENANT, TenantRegistry, type TenantStores } from "./tenant-stores";

export type RunningLocalCloudWatch = {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  port: number;
  /** In-process access to the default tenant's stores (the demo account's us-east-1, which LOCAL_CREDENTIALS sign as). */
  metrics: MetricStore;
  insights: InsightStore;
  /** In-process access to the stores of the account an access key belongs to, in a region. */
  storesFor: (accessKeyId: string, region: string) => TenantStores;
  /**
   * One alarm evaluation pass over every tenant at `nowMs` (the timer runs one every evaluationIntervalMs); resolves
   * when every action handler has finished. Tests and history backfills drive it minute by minute.
   */
  evaluateAlarms: (nowMs: number) => Promise<void>;
  /** Registers a handler for the alarm actions CloudWatch would invoke; returns the unregister function. */
  onAlarmActions: (handler: AlarmActionHandler) => () => void;
  /** Stops the server; also writes the snapshot if snapshotPath is set. */
  stop: () => Promise<void>;
};

export type LocalCloudWatchOptions = {
  /** Undefined lets the OS pick a free port. */
  port?: number;
  /** Loaded at start when present, written every minute and at stop, so a restarted demo keeps its history. */
  snapshotPath?: string;
  log?: (line: string) => void;
  /** How often alarms are evaluated (CloudWatch: every minute); default 60 000. */
  evaluationIntervalMs?: number;
  /** The clock of the whole local CloudWatch (requests, retention, alarm passes), so tests can drive time. */
  now?: () => number;
};

const MAINTENANCE_INTERVAL_MS = 60_000;
const EVALUATION_INTERVAL_MS = 60_000;

/**
 * A local stand-in for CloudWatch, speaking the real awsJson1_0 protocol, because no CloudWatch
 * emulator can be installed here. Test and demo infrastructure only; the product never imports it.
 */
export async function startLocalCloudWatch(options: LocalCloudWatchOptions = {}): Promise<RunningLocalCloudWatch> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? Date.now;
  const { snapshotPath } = options;
  const tenants = new TenantRegistry();
  if (snapshotPath !== undefined) {
    const snapshot = await readSnapshot(snapshotPath);
    if (snapshot) {
      tenants.importState(snapshot.version === 2 ? snapshot.tenants : [{ ...DEFAULT_TENANT, metrics: snapshot.metrics, insights: snapshot.insights }]);
      log(`local CloudWatch: loaded the snapshot saved at ${snapshot.savedAt} from ${snapshotPath}`);
    }
  }
  tenants.prune(now());
  const { metrics, insights } = tenants.forTenant(DEFAULT_TENANT);

  const { server } = createCloudWatchServer({ tenants, log, now });
  const port = await listen(server, options.port ?? 0);

  let lastWrite: Promise<void> = Promise.resolve();
  const save = (path: string): Promise<void> => {
    const write = lastWrite.then(() =>
      writeSnapshot(path, { version: 2, savedAt: new Date().toISOString(), tenants: tenants.exportState() }),
    );
    // The chain only keeps writes in order; whoever called save() handles its own write's failure.
    lastWrite = write.then(
      () => undefined,
      () => undefined,
    );
    return write;
  };

  const timer = setInterval(() => {
    tenants.prune(now());
    if (snapshotPath === undefined) return;
    save(snapshotPath).catch((error: unknown) => {
      log(`local CloudWatch: could not write the snapshot ${snapshotPath}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }, MAINTENANCE_INTERVAL_MS);
  timer.unref();

  const scheduler = new AlarmScheduler(tenants, log);
  const evaluationTimer = setInterval(() => {
    scheduler.evaluate(now()).catch((error: unknown) => {
      log(`local CloudWatch: an alarm evaluation pass failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    });
  }, options.evaluationIntervalMs ?? EVALUATION_INTERVAL_MS);
  evaluationTimer.unref();

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      clearInterval(timer);
      clearInterval(evaluationTimer);
      // A pass still running finishes first, so the snapshot holds its state changes.
      await scheduler.settled();
      await close(server);
      if (snapshotPath !== undefined) await save(snapshotPath);
    })();
    return stopping;
  };
  const storesFor = (accessKeyId: string, region: string) => tenants.forTenant(requestScopeOf({ accessKeyId, region }));
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    metrics,
    insights,
    storesFor,
    evaluateAlarms: (nowMs) => scheduler.evaluate(nowMs),
    onAlarmActions: (handler) => scheduler.onAlarmActions(handler),
    stop,
  };
}
