// The change history on the demo, as the e2e setup starts it (30 simulated minutes, no live traffic): the deploy role's
// change on Sessions is listed by the changes API, and Sessions' diagnosis names it as what changed before its
// throttling began, on the page and (as an input it read) in the overview.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as overviewRoute from "@/app/api/diagnosis/overview/route";
import * as changesRoute from "@/app/api/tables/[table]/changes/route";
import * as diagnosisRoute from "@/app/api/tables/[table]/diagnosis/route";
import type { ChangesResponse } from "@/lib/changes/change-types";
import type { DiagnosisOverviewResponse, DiagnosisResponse } from "@/lib/diagnosis/diagnosis-response";
import { DEMO_DEPLOY } from "../../local/stack/demo-deploy";
import { startLocalStack, type LocalStack } from "../../local/stack/local-stack";
import { callRoute } from "../support/local-tables";

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ seed: true, historyMs: 30 * 60_000, workload: false, heapMb: 512 });
  // The dashboard's own clients read this stack; lib/env.ts reads these on first use.
  for (const [name, value] of Object.entries(stack.dashboardEnv)) vi.stubEnv(name, value);
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe("the demo's change history", () => {
  it("lists the deploy role lowering Sessions' write capacity, and names it before Sessions' throttling", async () => {
    const changes = await callRoute(changesRoute.GET, `/api/tables/${DEMO_DEPLOY.table}/changes?range=1h`, { table: DEMO_DEPLOY.table });
    expect(changes.status, JSON.stringify(changes.body)).toBe(200);
    const history = changes.body as ChangesResponse;
    const deploy = history.changes.find((change) => change.who.includes(`:assumed-role/${DEMO_DEPLOY.role}/`));
    expect(deploy).toMatchObject({ eventName: "UpdateTable", summary: [`write capacity ${DEMO_DEPLOY.fromWcu} → ${DEMO_DEPLOY.toWcu}`], automatic: false, error: null });

    const page = await callRoute(diagnosisRoute.GET, `/api/tables/${DEMO_DEPLOY.table}/diagnosis?range=1h`, { table: DEMO_DEPLOY.table });
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    const diagnosis = page.body as DiagnosisResponse;
    const verdict = diagnosis.verdicts.find((entry) => entry.kind === "changed-before");
    expect(verdict?.title).toMatch(new RegExp(`^Write capacity was lowered from ${DEMO_DEPLOY.fromWcu} to ${DEMO_DEPLOY.toWcu} .+ before throttling of writes began\\.$`));
    expect(verdict?.evidence[0]?.label).toContain(deploy?.who ?? "(no deploy change)");

    const overview = await callRoute(overviewRoute.GET, "/api/diagnosis/overview", {});
    expect(overview.status).toBe(200);
    expect((overview.body as DiagnosisOverviewResponse).tables[DEMO_DEPLOY.table]?.inputs.changes).toMatchObject({ ok: true });
  });
});
