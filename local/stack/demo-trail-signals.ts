import { CloudTrailClient, LookupEventsCommand, type Event } from "@aws-sdk/client-cloudtrail";
import { z } from "zod";
import { DEMO_ACCOUNT } from "../fleet/demo-fleet";
import { LOCAL_REGION } from "../local-clients";
import { DEMO_DEPLOY } from "./demo-deploy";
import type { SignalCheck } from "./demo-signals";

const recordSchema = z.object({
  userIdentity: z.object({ arn: z.string() }),
  requestParameters: z.object({ provisionedThroughput: z.object({ writeCapacityUnits: z.number() }).optional() }).nullable(),
  responseElements: z.object({ tableDescription: z.object({ provisionedThroughput: z.object({ writeCapacityUnits: z.number() }).optional() }) }).nullable(),
});

const DEPLOY_ARN = new RegExp(`^arn:aws:sts::${DEMO_ACCOUNT.accountId}:assumed-role/${DEMO_DEPLOY.role}/ci-\\d+$`);

/** The deploy's change in one event: who, and write capacity from → to, when the event is the deploy's UpdateTable. */
export function deployChangeIn(event: Event): { who: string; from: number | undefined; to: number } | null {
  if (event.EventName !== "UpdateTable" || !event.CloudTrailEvent) return null;
  const record = recordSchema.safeParse(JSON.parse(event.CloudTrailEvent));
  if (!record.success || !DEPLOY_ARN.test(record.data.userIdentity.arn)) return null;
  const to = record.data.requestParameters?.provisionedThroughput?.writeCapacityUnits;
  if (to !== DEMO_DEPLOY.toWcu) return null;
  return { who: record.data.userIdentity.arn, from: record.data.responseElements?.tableDescription.provisionedThroughput?.writeCapacityUnits, to };
}

/** Reads back, through the real CloudTrail SDK, the deploy role's UpdateTable lowering Sessions' write capacity. */
export async function checkDemoTrail(cloudtrailEndpoint: string): Promise<SignalCheck[]> {
  const client = new CloudTrailClient({ endpoint: cloudtrailEndpoint, region: LOCAL_REGION, credentials: DEMO_ACCOUNT.credentials, maxAttempts: 3 });
  try {
    const events: Event[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: "ResourceName", AttributeValue: DEMO_DEPLOY.table }], NextToken }));
      events.push(...(page.Events ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    const deploy = events.map((event) => ({ event, change: deployChangeIn(event) })).find((entry) => entry.change !== null);
    return [
      {
        name: `CloudTrail: the ${DEMO_DEPLOY.role} role's UpdateTable on ${DEMO_DEPLOY.table}`,
        ok: deploy !== undefined,
        detail: deploy?.change
          ? `${deploy.change.who} set write capacity ${deploy.change.from ?? "?"} → ${deploy.change.to} at ${deploy.event.EventTime?.toISOString() ?? "?"}`
          : `none among ${events.length} events on ${DEMO_DEPLOY.table}`,
      },
    ];
  } finally {
    client.destroy();
  }
}
