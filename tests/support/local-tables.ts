import { CreateTableCommand, waitUntilTableExists, type CreateTableCommandInput, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { inject } from "vitest";
import { localDynamoDb } from "../../local/local-clients";

/** An unguarded client on the run's DynamoDB Local, for creating fixtures. The product's clients stay read-only. */
export function fixtureClient(): DynamoDBClient {
  return localDynamoDb(inject("dynamodbEndpoint"));
}

export async function createTables(client: DynamoDBClient, definitions: CreateTableCommandInput[]): Promise<void> {
  await Promise.all(
    definitions.map(async (definition) => {
      await client.send(new CreateTableCommand(definition));
      await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { TableName: definition.TableName ?? "" });
    }),
  );
}

type RouteContext<P> = { params: Promise<P> };

/** Calls an App Router handler the way Next does, and returns status, headers and parsed JSON. */
export async function callRoute<P>(
  handler: (request: Request, context: RouteContext<P>) => Promise<Response> | Response,
  url: string,
  params: P,
  init?: RequestInit,
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await handler(new Request(`http://localhost${url}`, init), { params: Promise.resolve(params) });
  return { status: response.status, headers: response.headers, body: await response.json() };
}
