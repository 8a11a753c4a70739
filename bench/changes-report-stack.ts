import { freePort } from "../local/free-port";
import { startDashboard } from "../local/stack/dashboard-process";
import { startLocalStack } from "../local/stack/local-stack";
import { benchChangesReport, type ChangesReportBench } from "./changes-report-bench";
import { REPORT_HOURS, type ReportWindow } from "./changes-report-render";
import { MINUTE } from "./changes-report-shared";

/** A few minutes more history than the report covers, so the window lies inside it however its ends are rounded. */
const HISTORY_MS = REPORT_HOURS * 3_600_000 + 5 * MINUTE;

/**
 * The report's window: the history's last 3 hours. The history ends when the stack starts simulating it, which is
 * about its simulation time before the stack was ready; a minute earlier still, aligned to the minute, is inside it
 * (the stack runs no live traffic, so nothing after the history's end would be in the window).
 */
function historyWindow(readyMs: number, simulationMs: number): ReportWindow {
  const end = Math.floor((readyMs - simulationMs) / MINUTE) * MINUTE - MINUTE;
  return { start: end - REPORT_HOURS * 3_600_000, end };
}

/**
 * The changes and report bench on a stack of its own: the demo data with 3 hours of simulated history (the deploy
 * lowering Sessions, auto scaling, alarms firing), no live traffic, enforcement off, LookupEvents' rate limit on as
 * in AWS. It serves the production build as it is (`npm run bench` builds a stale one first).
 */
export async function benchChangesReportOnOwnStack(log: (line: string) => void): Promise<ChangesReportBench> {
  log(`starting the local stack with the demo data and ${Math.round(HISTORY_MS / MINUTE)} minutes of simulated history…`);
  const stack = await startLocalStack({ seed: true, heapMb: 768, historyMs: HISTORY_MS, workload: false, enforceCapacity: false, log });
  const readyMs = Date.now();
  try {
    const window = historyWindow(readyMs, stack.history?.elapsedMs ?? 0);
    const dashboard = await startDashboard({ port: await freePort(), env: stack.dashboardEnv });
    try {
      return await benchChangesReport(dashboard.url, stack, log, window);
    } finally {
      await dashboard.stop();
    }
  } finally {
    await stack.stop();
  }
}
