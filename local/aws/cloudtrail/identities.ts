import { createHash } from "node:crypto";

/**
 * Who made a call, as CloudTrail records it (the `userIdentity` element) and as LookupEvents lists it (Username,
 * AccessKeyId). `invokedBy` is set when an AWS service made the call on the account's behalf; CloudTrail then also
 * puts the service's name in sourceIPAddress and userAgent.
 */
export type TrailIdentity = {
  userIdentity: Record<string, unknown>;
  /** LookupEvents' Username: an IAM user's name, or an assumed role's session name. */
  username: string;
  accessKeyId: string;
  invokedBy?: string;
};

// IAM unique ids: a 4-letter prefix by kind (AIDA user, AROA role) and 17 upper-case letters and digits.
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
function uniqueId(prefix: string, seed: string, length = 17): string {
  const digest = createHash("sha256").update(seed).digest();
  return prefix + Array.from({ length }, (_, index) => ALPHABET[(digest[index] ?? 0) % ALPHABET.length]).join("");
}

const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");

/**
 * The caller of a local service, from its access key: an IAM user named after the key, in the key's account. The
 * local stack has no IAM, so this is the identity every signed call gets unless the caller says otherwise.
 */
export function iamUserIdentity(accessKeyId: string, accountId: string): TrailIdentity {
  return {
    userIdentity: {
      type: "IAMUser",
      principalId: uniqueId("AIDA", `${accountId}/${accessKeyId}`),
      arn: `arn:aws:iam::${accountId}:user/${accessKeyId}`,
      accountId,
      accessKeyId,
      userName: accessKeyId,
    },
    username: accessKeyId,
    accessKeyId,
  };
}

export type AssumedRole = {
  accountId: string;
  roleName: string;
  /** The role's IAM path, e.g. `/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/`; `/` by default. */
  path?: string;
  sessionName: string;
  /** When the session's credentials were issued. */
  sessionStartMs: number;
  invokedBy?: string;
};

/** A role session (STS AssumeRole): `arn:aws:sts::<account>:assumed-role/<role>/<session>`, with temporary ASIA… keys. */
export function assumedRoleIdentity(role: AssumedRole): TrailIdentity {
  const roleId = uniqueId("AROA", `${role.accountId}/role/${role.roleName}`);
  const accessKeyId = uniqueId("ASIA", `${role.accountId}/${role.roleName}/${role.sessionName}/${role.sessionStartMs}`, 16);
  return {
    userIdentity: {
      type: "AssumedRole",
      principalId: `${roleId}:${role.sessionName}`,
      arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.roleName}/${role.sessionName}`,
      accountId: role.accountId,
      accessKeyId,
      sessionContext: {
        sessionIssuer: { type: "Role", principalId: roleId, arn: `arn:aws:iam::${role.accountId}:role${role.path ?? "/"}${role.roleName}`, accountId: role.accountId, userName: role.roleName },
        attributes: { creationDate: iso(role.sessionStartMs), mfaAuthenticated: "false" },
      },
      ...(role.invokedBy ? { invokedBy: role.invokedBy } : {}),
    },
    username: role.sessionName,
    accessKeyId,
    ...(role.invokedBy ? { invokedBy: role.invokedBy } : {}),
  };
}

/** The service principal Application Auto Scaling's DynamoDB role trusts; CloudTrail names it as the invoker. */
export const DYNAMODB_AUTOSCALING_PRINCIPAL = "dynamodb.application-autoscaling.amazonaws.com";
export const DYNAMODB_AUTOSCALING_ROLE = "AWSServiceRoleForApplicationAutoScaling_DynamoDBTable";

/**
 * Application Auto Scaling changing a table's capacity: its service-linked role, invoked by the DynamoDB auto scaling
 * principal. A recorded DescribeTable by that role uses the session `AutoScaling-RetrieveCurrentCapacity`; the local
 * UpdateTable uses `AutoScaling-UpdateCapacity` by analogy (AWS does not document the session names).
 */
export function autoScalingRoleIdentity(accountId: string, atMs: number): TrailIdentity {
  return assumedRoleIdentity({
    accountId,
    roleName: DYNAMODB_AUTOSCALING_ROLE,
    path: `/aws-service-role/${DYNAMODB_AUTOSCALING_PRINCIPAL}/`,
    sessionName: "AutoScaling-UpdateCapacity",
    // Service sessions last an hour; keep the session start within the hour of the call.
    sessionStartMs: Math.floor(atMs / 3_600_000) * 3_600_000,
    invokedBy: DYNAMODB_AUTOSCALING_PRINCIPAL,
  });
}
