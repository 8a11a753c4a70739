import { readFileSync } from "node:fs";
import { DEMO_ENDPOINTS_FILE, type DemoEndpoints } from "./stack/demo-endpoints";
import { checkDemoLongHistory } from "./stack/demo-long-history-signals";
import { checkDemoScaling } from "./stack/demo-scaling-signals";
import { checkDemoSignals } from "./stack/demo-signals";
import { checkDemoTrail } from "./stack/demo-trail-signals";

/**
 * `npm run demo:check [-- --wait 180 --since 10]`: with `npm run demo` running, reads throttling, the hot key and the
 * Profiles replica's lag metrics back through the real CloudWatch SDK, and the demo's alarm states and auto scaling
 * through the CloudWatch and Application Auto Scaling SDKs, and the deploy's change through the CloudTrail SDK. Exits 0
 * when every signal is there.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const index = args.indexOf(`--${name}`);
    const value = index >= 0 ? Number.parseInt(args[index + 1] ?? "", 10) : fallback;
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} takes a whole number of ${name === "since" ? "minutes" : "seconds"}`);
    return value;
  };
  const waitSeconds = option("wait", 180);
  const sinceMinutes = option("since", 10);
  let endpoints: DemoEndpoints;
  try {
    endpoints = JSON.parse(readFileSync(DEMO_ENDPOINTS_FILE, "utf8")) as DemoEndpoints;
  } catch {
    throw new Error(`No ${DEMO_ENDPOINTS_FILE}: start \`npm run demo\` first.`);
  }
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    // A demo that wrote an ACCOUNTS_FILE serves the fleet, so its replication and other tenants are checked too.
    const checks = await checkDemoSignals(endpoints.cloudwatch, Date.now() - sinceMinutes * 60_000, undefined, { fleet: endpoints.accountsFile !== undefined });
    // A demo with a local auto scaling endpoint also shows its alarms' states and a scale-out of Shop's GSI1.
    if (endpoints.autoscaling !== undefined) checks.push(...(await checkDemoScaling(endpoints.cloudwatch, endpoints.autoscaling)));
    // A demo with a local CloudTrail also holds the deploy role lowering Sessions' write capacity.
    if (endpoints.cloudtrail !== undefined) checks.push(...(await checkDemoTrail(endpoints.cloudtrail)));
    // The 14 days before the history, which the cost advisor's verdicts rest on.
    checks.push(...(await checkDemoLongHistory(endpoints.cloudwatch)));
    if (checks.every((check) => check.ok) || Date.now() > deadline) {
      for (const check of checks) console.log(`${check.ok ? "ok  " : "MISS"}  ${check.name}: ${check.detail}`);
      process.exit(checks.every((check) => check.ok) ? 0 : 1);
    }
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
