import type { AwsJsonWireError } from "./aws-json-errors";

/**
 * An error a local AWS service answers with: the code the client will name the error after, the HTTP status, and
 * any extra modeled members (e.g. ResourceType and ResourceId on a ResourceNotFoundException). Each service turns
 * it into wire form with its own error shape: plain AWS JSON below, or CloudWatch's awsQueryCompatible mapping.
 */
export class AwsServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    readonly members: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "AwsServiceError";
  }
}

/** Turns a service error into the status, headers and body the service sends. */
export type ErrorShape = (error: AwsServiceError) => AwsJsonWireError;

/**
 * Errors raised by the service framework before an operation runs (AWS's "common errors"). AWS JSON services send
 * them as `com.amazon.coral.service#<Code>`, whatever the service.
 */
export const FRAMEWORK_ERROR_CODES: ReadonlySet<string> = new Set([
  "UnknownOperationException",
  "SerializationException",
  "RequestEntityTooLargeException",
  "MissingAuthenticationTokenException",
  "IncompleteSignatureException",
]);

export const serializationError = (message: string) => new AwsServiceError("SerializationException", message, 400);
export const unknownOperationError = (message: string) => new AwsServiceError("UnknownOperationException", message, 400);
export const requestTooLargeError = (message: string) => new AwsServiceError("RequestEntityTooLargeException", message, 413);

/**
 * Plain AWS JSON 1.0 / 1.1 (not awsQueryCompatible), e.g. Application Auto Scaling and CloudTrail: the error code
 * in `__type` and the text in `message`. The SDK (@smithy/core loadJsonRpcErrorCode, used by @aws-sdk/core's
 * AwsJsonRpcProtocol) reads `__type` first, then `code`, then the `x-amzn-errortype` header, keeping what follows
 * a `#` and dropping what follows a `:`, and looks the result up among the service's modeled errors; it takes the
 * message from `message` (or `Message`).
 */
export const plainJsonErrorShape: ErrorShape = (error) => {
  const type = FRAMEWORK_ERROR_CODES.has(error.code) ? `com.amazon.coral.service#${error.code}` : error.code;
  return { status: error.status, headers: {}, body: { __type: type, message: error.message, ...error.members } };
};
