import type { AwsJsonWireError } from "../shared/aws-json-errors";
import { AwsServiceError } from "../shared/service-error";

/**
 * CloudWatch's errors as the awsJson1_0 + awsQueryCompatible protocol carries them. The SDK
 * (@aws-sdk/core AwsJsonRpcProtocol with awsQueryCompatible) takes the error code from the
 * `x-amzn-query-error: <Code>;<Sender|Receiver>` header first, then looks up the modeled shape whose
 * awsQueryError trait carries that code; `__type` is only the fallback. So each modeled error sends
 * its legacy query code in the header and its shape id in `__type`, and the client gets e.g.
 * `InvalidParameterValueException` for the query code `InvalidParameterValue`.
 */

type ModeledError = {
  /** The Smithy shape, which becomes the client's error `name`. */
  shape: string;
  status: number;
  fault: "Sender" | "Receiver";
  /** Some CloudWatch error shapes model `Message`, others `message`. */
  messageMember: "message" | "Message";
};

/** Keyed by the awsQueryError code, as in the SDK's error schemas (client-cloudwatch 3.1164.0). */
const MODELED = {
  InvalidParameterValue: { shape: "InvalidParameterValueException", status: 400, fault: "Sender", messageMember: "message" },
  InvalidParameterCombination: { shape: "InvalidParameterCombinationException", status: 400, fault: "Sender", messageMember: "message" },
  MissingParameter: { shape: "MissingRequiredParameterException", status: 400, fault: "Sender", messageMember: "message" },
  InvalidNextToken: { shape: "InvalidNextToken", status: 400, fault: "Sender", messageMember: "message" },
  ValidationError: { shape: "ValidationException", status: 400, fault: "Sender", messageMember: "message" },
  ResourceNotFoundException: { shape: "ResourceNotFoundException", status: 404, fault: "Sender", messageMember: "Message" },
  // DeleteAlarms' (and DescribeAlarmHistory's) "The named resource does not exist."
  ResourceNotFound: { shape: "ResourceNotFound", status: 404, fault: "Sender", messageMember: "message" },
  InternalServiceError: { shape: "InternalServiceFault", status: 500, fault: "Receiver", messageMember: "Message" },
} as const satisfies Record<string, ModeledError>;

export type QueryErrorCode = keyof typeof MODELED;

/**
 * Errors raised by the service framework before an operation runs (the shared server's SerializationException,
 * UnknownOperationException, RequestEntityTooLargeException). They have no query code, so like other AWS JSON
 * services they travel as a bare `__type` (the SDK then names the error after it).
 */
type FrameworkErrorCode = "UnknownOperationException" | "SerializationException" | "RequestEntityTooLargeException";

const FRAMEWORK_STATUS: Record<FrameworkErrorCode, number> = {
  UnknownOperationException: 400,
  SerializationException: 400,
  RequestEntityTooLargeException: 413,
};

export class CloudWatchApiError extends AwsServiceError {
  constructor(
    code: QueryErrorCode | FrameworkErrorCode,
    message: string,
    /** Extra modeled members, e.g. ResourceType and ResourceId on ResourceNotFoundException. */
    members: Record<string, string> = {},
  ) {
    super(code, message, isModeled(code) ? MODELED[code].status : FRAMEWORK_STATUS[code], members);
    this.name = "CloudWatchApiError";
  }
}

export const invalidValue = (message: string) => new CloudWatchApiError("InvalidParameterValue", message);
export const invalidCombination = (message: string) => new CloudWatchApiError("InvalidParameterCombination", message);
export const missingParameter = (name: string) => new CloudWatchApiError("MissingParameter", `The parameter ${name} is required.`);
export const validationError = (message: string) => new CloudWatchApiError("ValidationError", message);
export const invalidNextToken = () => new CloudWatchApiError("InvalidNextToken", "The NextToken is invalid or does not belong to this request.");

function isModeled(code: string): code is QueryErrorCode {
  return Object.hasOwn(MODELED, code);
}

/** CloudWatch's ErrorShape for the shared server: the awsQueryCompatible mapping for modeled errors. */
export function wireError(error: AwsServiceError): AwsJsonWireError {
  const { code } = error;
  if (isModeled(code)) {
    const modeled: ModeledError = MODELED[code];
    return {
      status: modeled.status,
      headers: { "x-amzn-query-error": `${code};${modeled.fault}` },
      body: { __type: `com.amazonaws.cloudwatch#${modeled.shape}`, [modeled.messageMember]: error.message, ...error.members },
    };
  }
  return { status: error.status, headers: {}, body: { __type: `com.amazon.coral.service#${code}`, message: error.message } };
}

/** The answer to an unexpected failure: AWS's InternalServiceFault, with no internal detail. */
export function internalError(): CloudWatchApiError {
  return new CloudWatchApiError("InternalServiceError", "The local CloudWatch failed unexpectedly; see its log.");
}
