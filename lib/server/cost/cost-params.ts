import "server-only";
import { z } from "zod";
import { costRangeSchema, DEFAULT_COST_RANGE, type CostRange } from "@/lib/cost/cost-range";
import { parseInput } from "@/lib/server/http/route-helpers";

const querySchema = z.object({ range: costRangeSchema });

/** `?range=` of the cost API (1h–14d, default 14d); anything else is a 400 that names the problem. */
export function parseCostQuery(url: URL): { range: CostRange } {
  return parseInput(querySchema, { range: url.searchParams.get("range") ?? DEFAULT_COST_RANGE });
}
