import type { Server } from "node:http";
import { createCloudWatchServer } from "./http-server";
import { InsightStore } from "./insight-store";
import { MetricStore } from "./metric-store";
import { readSnapshot, writeSnapshot } from "./snapshot-file";

export type RunningLocalCloudWatch = {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  port: number;
  /** In-process access, for the metering proxy when it runs in the same process. */
  metrics: MetricStore;
  insights: InsightStore;
  /** Stops the server; also writes the snapshot if snapshotPath is set. */
  stop: () => Promise<void>;
};

export type LocalCloudWatchOptions = {
  /** Undefined lets the OS pick a free port. */
  port?: number;
  /** Loaded at start when present, written every minute and at stop, so a restarted demo keeps its history. */
  snapshotPath?: string;
  log?: (line: string) => void;
};

const MAINTENANCE_INTERVAL_MS = 60_000;

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      const address = server.address();
      if (address && typeof address === "object") resolve(address.port);
      else reject(new Error("The local CloudWatch did not get a TCP port"));
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // The SDK keeps connections alive; without this, close() would wait for them to time out.
    server.closeAllConnections();
  });
}

/**
 * A local stand-in for CloudWatch, speaking the real awsJson1_0 protocol, because no CloudWatch
 * emulator can be installed here. Test and demo infrastructure only; the product never imports it.
 */
export async function startLocalCloudWatch(options: LocalCloudWatchOptions = {}): Promise<RunningLocalCloudWatch> {
  const log = options.log ?? (() => undefined);
  const { snapshotPath } = options;
  const metrics = new MetricStore();
  const insights = new InsightStore();
  if (snapshotPath !== undefined) {
    const snapshot = await readSnapshot(snapshotPath);
    if (snapshot) {
      metrics.importState(snapshot.metrics);
      insights.importState(snapshot.insights);
      log(`local CloudWatch: loaded the snapshot saved at ${snapshot.savedAt} from ${snapshotPath}`);
    }
  }
  metrics.prune();
  insights.prune();

  const { server } = createCloudWatchServer({ metrics, insights, log });
  const port = await listen(server, options.port ?? 0);

  let lastWrite: Promise<void> = Promise.resolve();
  const save = (path: string): Promise<void> => {
    const write = lastWrite.then(() =>
      writeSnapshot(path, { version: 1, savedAt: new Date().toISOString(), metrics: metrics.exportState(), insights: insights.exportState() }),
    );
    // The chain only keeps writes in order; whoever called save() handles its own write's failure.
    lastWrite = write.then(
      () => undefined,
      () => undefined,
    );
    return write;
  };

  const timer = setInterval(() => {
    metrics.prune();
    insights.prune();
    if (snapshotPath === undefined) return;
    save(snapshotPath).catch((error: unknown) => {
      log(`local CloudWatch: could not write the snapshot ${snapshotPath}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }, MAINTENANCE_INTERVAL_MS);
  timer.unref();

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      clearInterval(timer);
      await close(server);
      if (snapshotPath !== undefined) await save(snapshotPath);
    })();
    return stopping;
  };
  return { endpoint: `http://127.0.0.1:${port}`, port, metrics, insights, stop };
}
