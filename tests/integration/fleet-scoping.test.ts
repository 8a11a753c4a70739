import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BatchWriteItemCommand, type CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inject } from "vitest";
import * as fleetRoute from "@/app/api/fleet/route";
import * as jobRoute from "@/app/api/jobs/[id]/route";
import * as tableJobsRoute from "@/app/api/tables/[table]/jobs/route";
import * as itemsRoute from "@/app/api/tables/[table]/items/route";
import * as tableRoute from "@/app/api/tables/[table]/route";
import * as tablesRoute from "@/app/api/tables/route";
import type { FleetResponse } from "@/lib/fleet/fleet-types";
import type { ItemsPage } from "@/lib/items/items-api";
import type { JobResponse, StartJobResponse } from "@/lib/jobs/job-types";
import type { TableResponse, TablesResponse } from "@/lib/tables/table-detail";
import type { FleetAccount } from "../../local/fleet/demo-fleet";
import { fleetDynamoDb } from "../../local/fleet/fleet-clients";
import { accountsDocument, configFileText, credentialsFileText } from "../../local/fleet/fleet-files";
import { callRoute, createTables } from "../support/local-tables";

/**
 * Accounts and regions through the real routes, against DynamoDB Local (one database per access key and region, as AWS
 * keeps one per account and region) and the run's local CloudWatch. The same table name lives in two regions and a
 * second account with different capacity and items, so anything read through the wrong scope shows.
 */

const account = (name: string, key: string, regions: string[]): FleetAccount => ({ name, profile: `it-${name}`, accountId: "", credentials: { accessKeyId: key, secretAccessKey: key }, regions });
const ALPHA = account("alpha", "itfleetalpha", ["us-east-1", "eu-west-1"]);
const BETA = account("beta", "itfleetbeta", ["us-east-1"]);
// Its profile is in no config file: as with expired or missing credentials, reading it fails.
const BROKEN = { name: "broken", profile: "it-no-such-profile", regions: ["ap-south-1"] };

const dir = mkdtempSync(join(tmpdir(), "it-fleet-"));
writeFileSync(join(dir, "accounts.json"), JSON.stringify({ accounts: [...accountsDocument([ALPHA, BETA]).accounts, BROKEN] }));
writeFileSync(join(dir, "config"), configFileText([ALPHA, BETA]));
writeFileSync(join(dir, "credentials"), credentialsFileText([ALPHA, BETA]));
vi.stubEnv("ACCOUNTS_FILE", join(dir, "accounts.json"));
vi.stubEnv("AWS_CONFIG_FILE", join(dir, "config"));
vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", join(dir, "credentials"));

const TABLE = "Orders";
const definition = (read: number): CreateTableCommandInput => ({
  TableName: TABLE,
  AttributeDefinitions: [
    { AttributeName: "pk", AttributeType: "S" },
    { AttributeName: "sk", AttributeType: "S" },
  ],
  KeySchema: [
    { AttributeName: "pk", KeyType: "HASH" },
    { AttributeName: "sk", KeyType: "RANGE" },
  ],
  BillingMode: "PROVISIONED",
  ProvisionedThroughput: { ReadCapacityUnits: read, WriteCapacityUnits: 1 },
});
const SCOPES = [
  { account: ALPHA, region: "us-east-1", read: 11, only: "Invoices" },
  { account: ALPHA, region: "eu-west-1", read: 22, only: null },
  { account: BETA, region: "us-east-1", read: 33, only: null },
] as const;
const q = (scope: { account: string; region: string }) => `account=${scope.account}&region=${scope.region}`;

beforeAll(async () => {
  await Promise.all(
    SCOPES.map(async ({ account: owner, region, read, only }) => {
      const client = fleetDynamoDb(inject("dynamodbEndpoint"), owner, region);
      await createTables(client, [definition(read), ...(only ? [{ ...definition(1), TableName: only }] : [])]);
      // 30 items of one partition, each naming where it lives.
      const items = Array.from({ length: 30 }, (_, i) => ({ PutRequest: { Item: { pk: { S: "p" }, sk: { S: String(i).padStart(3, "0") }, home: { S: `${owner.name}/${region}` } } } }));
      for (let at = 0; at < items.length; at += 25) await client.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: items.slice(at, at + 25) } }));
      client.destroy();
    }),
  );
});
afterAll(() => vi.unstubAllEnvs());

describe("account and region scoping", () => {
  it("describes the same table name separately in every account and region (no cache entry crosses)", async () => {
    for (const { account: owner, region, read } of SCOPES) {
      const { status, body } = await callRoute(tableRoute.GET, `/api/tables/${TABLE}?${q({ account: owner.name, region })}`, { table: TABLE });
      expect(status).toBe(200);
      expect((body as TableResponse).table.provisioned?.read).toBe(read);
    }
    // The default scope is the first account's first region.
    expect(((await callRoute(tableRoute.GET, `/api/tables/${TABLE}`, { table: TABLE })).body as TableResponse).table.provisioned?.read).toBe(11);
    const list = (await callRoute(tablesRoute.GET, "/api/tables?account=alpha&region=eu-west-1", {})).body as TablesResponse;
    expect(list).toMatchObject({ account: "alpha", region: "eu-west-1" });
    expect(list.tables.map((entry) => entry.name)).toEqual([TABLE]);
  });

  it("reads items from the scope named, and refuses a cursor from another region or account", async () => {
    const page = (await callRoute(itemsRoute.GET, `/api/tables/${TABLE}/items?pk=p&limit=10&account=alpha&region=eu-west-1`, { table: TABLE })).body as ItemsPage;
    const homes = page.items.map((item) => (item.home && "S" in item.home ? item.home.S : null));
    expect(homes).toEqual(Array.from({ length: 10 }, () => "alpha/eu-west-1"));
    expect(page.nextCursor).not.toBeNull();
    const cursor = encodeURIComponent(page.nextCursor ?? "");
    const next = await callRoute(itemsRoute.GET, `/api/tables/${TABLE}/items?pk=p&limit=10&account=alpha&region=eu-west-1&cursor=${cursor}`, { table: TABLE });
    expect(next.status).toBe(200);
    for (const other of ["account=alpha&region=us-east-1", "account=beta&region=us-east-1", ""]) {
      const crossed = await callRoute(itemsRoute.GET, `/api/tables/${TABLE}/items?pk=p&limit=10&${other}&cursor=${cursor}`, { table: TABLE });
      expect(crossed.status, other).toBe(400);
      expect(crossed.body, other).toMatchObject({ error: { code: "BAD_REQUEST", message: expect.stringContaining("another account, region") } });
    }
  });

  it("keeps a job in its account and region: another scope can neither read nor cancel it", async () => {
    const started = await callRoute(tableJobsRoute.POST, `/api/tables/${TABLE}/jobs?account=beta&region=us-east-1`, { table: TABLE }, { method: "POST", body: JSON.stringify({ kind: "size-audit", mode: "full", rcuBudget: 50, rcuPerSecond: 50, segments: 1 }) });
    expect(started.status).toBe(202);
    const id = (started.body as StartJobResponse).id;
    const own = await callRoute(jobRoute.GET, `/api/jobs/${id}?account=beta&region=us-east-1`, { id });
    expect(own.status).toBe(200);
    expect((own.body as JobResponse<unknown, unknown>).job).toMatchObject({ account: "beta", region: "us-east-1", table: TABLE });
    for (const other of ["", "account=alpha&region=eu-west-1"]) {
      expect((await callRoute(jobRoute.GET, `/api/jobs/${id}?${other}`, { id })).status, other).toBe(404);
      expect((await callRoute(jobRoute.DELETE, `/api/jobs/${id}?${other}`, { id }, { method: "DELETE" })).status, other).toBe(404);
      const latest = await callRoute(tableJobsRoute.GET, `/api/tables/${TABLE}/jobs?kind=size-audit&${other}`, { table: TABLE });
      expect((latest.body as { job: unknown }).job, other).toBeNull();
    }
  });

  it("answers an unknown account or region with a 400 that lists the known ones, and reads nothing", async () => {
    const account = await callRoute(tablesRoute.GET, "/api/tables?account=gamma", {});
    expect(account).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST", message: 'Unknown account "gamma". Known accounts: alpha, beta, broken.' } } });
    const region = await callRoute(tableRoute.GET, `/api/tables/${TABLE}?account=beta&region=eu-west-1`, { table: TABLE });
    expect(region).toMatchObject({ status: 400, body: { error: { message: 'Unknown region "eu-west-1" for account beta. Known regions: us-east-1.' } } });
    expect((await callRoute(tablesRoute.GET, "/api/tables?region=us-east-1&region=eu-west-1", {})).status).toBe(400);
  });
});

describe("GET /api/fleet", () => {
  it("lists every table of every account and region, and shows a failed account with its reason while the rest loads", async () => {
    const { status, body } = await callRoute(fleetRoute.GET, "/api/fleet", {});
    expect(status).toBe(200);
    const fleet = body as FleetResponse;
    expect(fleet.scopes.map((scope) => [scope.account, scope.region, scope.ok])).toEqual([
      ["alpha", "us-east-1", true],
      ["alpha", "eu-west-1", true],
      ["beta", "us-east-1", true],
      ["broken", "ap-south-1", false],
    ]);
    const broken = fleet.scopes[3];
    expect(broken && !broken.ok ? broken.error : "").toMatch(/credentials/i);
    const rows = fleet.tables.map((row) => `${row.account}/${row.region}/${row.name}/${row.detail?.provisioned?.read ?? "?"}`).sort();
    expect(rows).toEqual(["alpha/eu-west-1/Orders/22", "alpha/us-east-1/Invoices/1", "alpha/us-east-1/Orders/11", "beta/us-east-1/Orders/33"]);
    for (const row of fleet.tables) expect(row.verdict, `${row.account}/${row.region}/${row.name}`).not.toBeNull();
  });
});
