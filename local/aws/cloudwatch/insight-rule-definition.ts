import { z } from "zod";

export type AggregateOn = "Sum" | "Count";

export type ParsedRuleDefinition = {
  /** The rule's Contribution.Keys, which GetInsightRuleReport returns as KeyLabels; undefined when the definition has none. */
  keyLabels: string[] | undefined;
  aggregateOn: AggregateOn;
};

// Only the parts of the Contributor Insights rule syntax that shape a report; filters and log groups don't apply here.
const definitionSchema = z.object({
  AggregateOn: z.string().optional(),
  Contribution: z
    .object({
      Keys: z.array(z.string()).optional(),
      ValueOf: z.string().optional(),
    })
    .optional(),
});

/**
 * Reads KeyLabels and the aggregation from a rule's Definition JSON
 * (`{"Schema":…,"Contribution":{"Keys":[…],"ValueOf":…},"AggregateOn":"Sum"|"Count"}`).
 * A definition that is not such JSON still makes a usable rule: without AggregateOn, a rule that
 * names a ValueOf sums it and one that doesn't counts, which is what a definition implies.
 */
export function parseRuleDefinition(definition: string): ParsedRuleDefinition {
  let json: unknown;
  try {
    json = JSON.parse(definition);
  } catch {
    // Not JSON: CloudWatch would have refused it at PutInsightRule, but a local rule still gets a report.
    return { keyLabels: undefined, aggregateOn: "Sum" };
  }
  const parsed = definitionSchema.safeParse(json);
  if (!parsed.success) return { keyLabels: undefined, aggregateOn: "Sum" };
  const { AggregateOn, Contribution } = parsed.data;
  const normalized = AggregateOn?.toLowerCase();
  const aggregateOn: AggregateOn =
    normalized === "count" ? "Count" : normalized === "sum" ? "Sum" : Contribution?.ValueOf === undefined ? "Count" : "Sum";
  return { keyLabels: Contribution?.Keys, aggregateOn };
}
