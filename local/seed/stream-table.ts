import type { CreateTableCommandInput, StreamViewType } from "@aws-sdk/client-dynamodb";

/** An on-demand table keyed pk (S) + sk (N) with a stream: what the stream tests and the stream bench write to. */
export function streamedTableDefinition(name: string, viewType: StreamViewType = "NEW_AND_OLD_IMAGES"): CreateTableCommandInput {
  return {
    TableName: name,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [
      { AttributeName: "pk", AttributeType: "S" },
      { AttributeName: "sk", AttributeType: "N" },
    ],
    KeySchema: [
      { AttributeName: "pk", KeyType: "HASH" },
      { AttributeName: "sk", KeyType: "RANGE" },
    ],
    StreamSpecification: { StreamEnabled: true, StreamViewType: viewType },
  };
}
