import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { PROFILE_COUNT, profileId, REPORT_TEAMS } from "../seed/fleet-items";
import { createRandom, type Random } from "../seed/random";
import { approximateBytes, readUnits, writeUnits, type Intent } from "./intent";
import type { TrafficModel } from "./traffic-model";

const S = (value: string): AttributeValue => ({ S: value });
const N = (value: number | string): AttributeValue => ({ N: String(value) });

function poisson(random: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let count = 0;
  for (let product = random.next(); product > limit; product *= random.next()) count++;
  return count;
}

function repeat(random: Random, intents: Intent[], mean: number, make: () => Intent): void {
  for (let i = poisson(random, mean); i > 0; i--) intents.push(make());
}

const get = (table: string, key: Record<string, AttributeValue>): Intent => ({
  operation: "GetItem",
  input: { TableName: table, Key: key },
  estimate: { tableUnits: 0.5, gsiUnits: {}, returned: 1, latencyMs: 3 },
});

const put = (table: string, item: Record<string, AttributeValue>): Intent => ({
  operation: "PutItem",
  input: { TableName: table, Item: item },
  estimate: { tableUnits: writeUnits(approximateBytes(item)), gsiUnits: {}, returned: 0, latencyMs: 4 },
});

/** Several models as one: each second's intents are all of theirs. */
export function combinedModel(...models: TrafficModel[]): TrafficModel {
  return { intentsAt: (second, nowMs) => models.flatMap((model) => model.intentsAt(second, nowMs)) };
}

/** The global table's home region: about 3 profile updates a second (each one replicated) and 5 reads. */
export function profilesPrimaryModel(seed = 11): TrafficModel {
  const random = createRandom(seed);
  return {
    intentsAt(_second, nowMs) {
      const intents: Intent[] = [];
      repeat(random, intents, 3, () =>
        put("Profiles", {
          userId: S(profileId(random.int(0, PROFILE_COUNT - 1))),
          displayName: S(`User ${random.int(0, 9_999)}`),
          plan: S(random.pick(["free", "pro", "team"])),
          lastSeenAt: N(Math.floor(nowMs / 1000)),
        }),
      );
      repeat(random, intents, 5, () => get("Profiles", { userId: S(profileId(random.int(0, PROFILE_COUNT - 1))) }));
      return intents;
    },
  };
}

/** The replica region: profile reads close to European users, and its own invoices. */
export function replicaRegionModel(seed = 12): TrafficModel {
  const random = createRandom(seed);
  let invoiceNumber = 900_000;
  return {
    intentsAt(_second, nowMs) {
      const intents: Intent[] = [];
      repeat(random, intents, 4, () => get("Profiles", { userId: S(profileId(random.int(0, PROFILE_COUNT - 1))) }));
      const customer = () => S(`cust-${String(random.int(0, 39)).padStart(3, "0")}`);
      repeat(random, intents, 1, () => ({
        operation: "Query",
        input: { TableName: "Invoices", KeyConditionExpression: "customerId = :c", ExpressionAttributeValues: { ":c": customer() }, Limit: 10 },
        estimate: { tableUnits: readUnits(10 * 120), gsiUnits: {}, returned: 5, latencyMs: 4 },
      }));
      repeat(random, intents, 0.3, () =>
        put("Invoices", { customerId: customer(), invoiceId: S(`INV-${invoiceNumber++}`), issuedAt: N(Math.floor(nowMs / 1000)), totalEur: N((random.int(1_000, 90_000) / 100).toFixed(2)), status: S("OPEN") }),
      );
      return intents;
    },
  };
}

/** The analytics account: dashboards querying reports, and a new report now and then. */
export function analyticsModel(seed = 13): TrafficModel {
  const random = createRandom(seed);
  let reportNumber = 10_000;
  return {
    intentsAt(_second, nowMs) {
      const intents: Intent[] = [];
      repeat(random, intents, 2, () => ({
        operation: "Query",
        input: { TableName: "Reports", KeyConditionExpression: "team = :t", ExpressionAttributeValues: { ":t": S(random.pick(REPORT_TEAMS)) }, Limit: 20, ScanIndexForward: false },
        estimate: { tableUnits: readUnits(20 * 150), gsiUnits: {}, returned: 20, latencyMs: 5 },
      }));
      repeat(random, intents, 0.2, () =>
        put("Reports", { team: S(random.pick(REPORT_TEAMS)), reportId: S(`R${reportNumber++}`), title: S("Ad-hoc report"), generatedAt: N(Math.floor(nowMs / 1000)), rows: N(random.int(10, 5_000)) }),
      );
      return intents;
    },
  };
}
