import { existsSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "../../local/free-port";
import { startDashboard } from "../../local/stack/dashboard-process";
import { startLocalStack } from "../../local/stack/local-stack";
import { PROXY_AUTH_ENV } from "./proxy-auth";

const LOOPBACK = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\/?$/;

/**
 * Starts DynamoDB Local with the demo data and a production server on free ports. Refuses to run against
 * anything but loopback, so an e2e run can never touch a real AWS account.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(join(process.cwd(), ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run test:e2e` (it builds first) or `next build`.");
  }
  // Thirty minutes of simulated history give the capacity charts and the overview real throttling to show; no live
  // traffic, so the data the tests read is stable.
  const stack = await startLocalStack({ seed: true, heapMb: 768, historyMs: 30 * 60_000, workload: false, fleet: true });
  for (const [name, value] of Object.entries(stack.dashboardEnv)) {
    if (name.endsWith("_ENDPOINT") && !LOOPBACK.test(value)) {
      await stack.stop();
      throw new Error(`e2e refuses to run against a non-local endpoint: ${name}=${value}`);
    }
  }
  const dashboard = await startDashboard({ port: await freePort(), env: stack.dashboardEnv });
  // A second server on the same data, deployed as behind an authenticating proxy: the roles spec signs in to it by
  // sending the proxy's identity headers.
  const proxied = await startDashboard({ port: await freePort(), env: { ...stack.dashboardEnv, ...PROXY_AUTH_ENV } });
  // Workers are started after global setup and inherit these.
  process.env.E2E_BASE_URL = dashboard.url;
  process.env.E2E_PROXY_AUTH_URL = proxied.url;
  // The stream specs write their own traffic (there is no live workload) through the proxy the dashboard reads through.
  process.env.E2E_DYNAMODB_ENDPOINT = stack.proxy.endpoint;
  return async () => {
    await Promise.all([dashboard.stop(), proxied.stop()]);
    await stack.stop();
  };
}
