import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { invoiceItems, profileItems, reportItems } from "./fleet-items";
import { INVOICES_TABLE, PROFILES_TABLE, REPORTS_TABLE } from "./fleet-tables";
import { ensureTable, seedTable, type SeedResult } from "./seed-demo";

/** A client on DynamoDB Local for one (account, region), with a label for the log. */
export type SeedTarget = { client: DynamoDBClient; label: string };

/**
 * The fleet's tables beyond the single-account demo: Profiles in the demo account's home region and in every
 * replica region (seeded alike, as a new replica starts as a copy), Invoices in each replica region only, and
 * Reports in the analytics account.
 */
export async function seedFleet(
  targets: { primary: SeedTarget; replicas: readonly SeedTarget[]; analytics: SeedTarget },
  log: (line: string) => void = () => undefined,
): Promise<SeedResult[]> {
  const { primary, replicas, analytics } = targets;
  await Promise.all([
    ensureTable(primary.client, PROFILES_TABLE),
    ...replicas.flatMap((replica) => [ensureTable(replica.client, PROFILES_TABLE), ensureTable(replica.client, INVOICES_TABLE)]),
    ensureTable(analytics.client, REPORTS_TABLE),
  ]);
  const now = Math.floor(Date.now() / 1000);
  // One snapshot of the items for every replica, so they start identical.
  const profiles = profileItems(now);
  const tagged = (target: SeedTarget) => (line: string) => log(`${target.label}: ${line}`);
  const results: SeedResult[] = [];
  for (const target of [primary, ...replicas]) results.push(await seedTable(target.client, "Profiles", profiles, tagged(target)));
  for (const replica of replicas) results.push(await seedTable(replica.client, "Invoices", invoiceItems(now), tagged(replica)));
  results.push(await seedTable(analytics.client, "Reports", reportItems(now), tagged(analytics)));
  return results;
}
