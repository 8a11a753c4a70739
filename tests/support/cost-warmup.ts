import * as costRoute from "@/app/api/tables/[table]/cost/route";
import { LOCAL_SCOPE } from "@/tests/support/local-scope";
import { listTableNames } from "@/lib/server/tables/list-tables";
import { callRoute } from "./local-tables";

/**
 * Reads every exposed table's 14-day cost once, so that it is cached (five minutes) before a test counts the
 * GetMetricData calls of a diagnosis: the diagnosis and the overview read that cached answer, and a test about one
 * window's metrics round should not count the cost's own reads (tests/integration/table-cost.test.ts counts those).
 */
export async function warmCosts(names?: readonly string[]): Promise<void> {
  for (const table of names ?? (await listTableNames(LOCAL_SCOPE))) await callRoute(costRoute.GET, `/api/tables/${encodeURIComponent(table)}/cost`, { table });
}
