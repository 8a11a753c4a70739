import { randomUUID } from "node:crypto";
import { AwsServiceError, plainJsonErrorShape } from "../aws/shared/service-error";
import type { WireResponse } from "./throttle-response";

/**
 * DynamoDB Streams' errors, in the AWS JSON 1.0 shape DynamoDB itself uses: the modeled exceptions under
 * `com.amazonaws.dynamodb.v20120810#`, validation failures under `com.amazon.coral.validate#` (the SDK keeps what
 * follows the `#` and names the error after it).
 */
const DYNAMODB = "com.amazonaws.dynamodb.v20120810#";

export const streamsValidationError = (message: string) => new AwsServiceError("com.amazon.coral.validate#ValidationException", message);
export const streamsNotFoundError = (message: string) => new AwsServiceError(`${DYNAMODB}ResourceNotFoundException`, message);
/** AWS: about 5 GetRecords calls per second per shard, for all of a stream's readers together. */
export const shardLimitError = (shardId: string) => new AwsServiceError(`${DYNAMODB}LimitExceededException`, `Rate exceeded for shard ${shardId}`);
export const expiredIteratorError = (issuedAtMs: number, nowMs: number, maxAgeMs: number) =>
  new AwsServiceError(
    `${DYNAMODB}ExpiredIteratorException`,
    `Iterator expired. The iterator was created at time ${new Date(issuedAtMs).toISOString()} while right now it is ${new Date(nowMs).toISOString()} which is further in the future than the tolerated delay of ${maxAgeMs} milliseconds.`,
  );

export function streamsErrorResponse(error: AwsServiceError): WireResponse {
  const wire = plainJsonErrorShape(error);
  return {
    status: wire.status,
    headers: { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": randomUUID(), ...wire.headers },
    body: JSON.stringify(wire.body),
  };
}
