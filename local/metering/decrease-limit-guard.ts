import { z } from "zod";
import { DecreaseLimit } from "./decrease-limit";
import type { TableCapacityModel } from "./table-catalog";
import type { WireResponse } from "./throttle-response";

const throughput = z.object({ ReadCapacityUnits: z.number().optional(), WriteCapacityUnits: z.number().optional() }).partial();
const updateTableSchema = z.object({
  TableName: z.string(),
  ProvisionedThroughput: throughput.optional(),
  GlobalSecondaryIndexUpdates: z
    .array(z.object({ Update: z.object({ IndexName: z.string(), ProvisionedThroughput: throughput.optional() }).optional() }).loose())
    .optional(),
});

type Settings = { read: number; write: number } | null;

const decreases = (current: Settings, requested: z.infer<typeof throughput> | undefined) =>
  current !== null &&
  requested !== undefined &&
  ((requested.ReadCapacityUnits !== undefined && requested.ReadCapacityUnits < current.read) ||
    (requested.WriteCapacityUnits !== undefined && requested.WriteCapacityUnits < current.write));

/**
 * The proxy's part of the daily decrease limit: DynamoDB Local applies any UpdateTable, so the proxy refuses a decrease
 * over the limit the way DynamoDB does (HTTP 400 LimitExceededException, nothing applied) and counts the ones that
 * succeed. Per tenant: `tenant` is the account and region the request was signed for.
 */
export class DecreaseLimitGuard {
  private readonly limit = new DecreaseLimit();

  /** The resources (table, table/index/<gsi>) an UpdateTable would decrease, judged against the current model. */
  private decreased(request: unknown, model: TableCapacityModel | undefined): string[] {
    const parsed = updateTableSchema.safeParse(request);
    if (!parsed.success || !model) return [];
    const resources: string[] = [];
    if (decreases(model.provisioned, parsed.data.ProvisionedThroughput)) resources.push(model.name);
    for (const update of parsed.data.GlobalSecondaryIndexUpdates ?? []) {
      const gsi = update.Update && model.gsis.find((candidate) => candidate.name === update.Update?.IndexName);
      if (gsi && decreases(gsi.provisioned, update.Update?.ProvisionedThroughput)) resources.push(`${model.name}/index/${gsi.name}`);
    }
    return resources;
  }

  /** DynamoDB's refusal when any decreased resource is over its limit (the whole request is refused); null to go ahead. */
  refusal(tenant: string, request: unknown, model: TableCapacityModel | undefined, atMs: number, requestId: string): WireResponse | null {
    for (const resource of this.decreased(request, model)) {
      const verdict = this.limit.check(`${tenant}/${resource}`, atMs);
      if (!verdict.allowed) {
        return {
          status: 400,
          headers: { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": requestId },
          body: JSON.stringify({ __type: "com.amazonaws.dynamodb.v20120810#LimitExceededException", message: verdict.message }),
        };
      }
    }
    return null;
  }

  /** Counts the decreases of an UpdateTable that DynamoDB Local accepted (`model` as it was before the update). */
  accepted(tenant: string, request: unknown, model: TableCapacityModel | undefined, atMs: number): void {
    for (const resource of this.decreased(request, model)) this.limit.record(`${tenant}/${resource}`, atMs);
  }
}
