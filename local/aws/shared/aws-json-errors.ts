import type { AuthProblem } from "./sigv4-scope";

/** An error as an AWS JSON 1.0 / 1.1 service puts it on the wire. */
export type AwsJsonWireError = { status: number; headers: Record<string, string>; body: Record<string, string> };

/**
 * The service framework's refusal of an unauthenticated request, as AWS JSON services send it: a bare
 * `com.amazon.coral.service#<Code>Exception` type, which the SDK names the error after.
 *
 * - Plain AWS JSON (DynamoDB): HTTP 400 for both, as DynamoDB's error table lists MissingAuthenticationTokenException
 *   and IncompleteSignatureException.
 * - awsQueryCompatible services (CloudWatch): the status of AWS's common errors (MissingAuthenticationToken 403,
 *   IncompleteSignature 400) and the legacy query code in `x-amzn-query-error`, which the SDK reads first, so the
 *   client sees the same error name (`MissingAuthenticationToken`) its query-protocol predecessor did.
 */
export function authErrorResponse(problem: AuthProblem, protocol: "awsJson" | "awsQueryCompatible"): AwsJsonWireError {
  const body = { __type: `com.amazon.coral.service#${problem.code}Exception`, message: problem.message };
  if (protocol === "awsJson") return { status: 400, headers: {}, body };
  const status = problem.code === "MissingAuthenticationToken" ? 403 : 400;
  return { status, headers: { "x-amzn-query-error": `${problem.code};Sender` }, body };
}
