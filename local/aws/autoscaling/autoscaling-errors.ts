import { AwsServiceError } from "../shared/service-error";

/**
 * Application Auto Scaling's modeled errors (client-application-auto-scaling's error shapes, each with a `Message`
 * member): client faults answer 400, server faults 500.
 */
export const AUTOSCALING_ERRORS = {
  ValidationException: 400,
  ObjectNotFoundException: 400,
  InvalidNextTokenException: 400,
  LimitExceededException: 400,
  FailedResourceAccessException: 400,
  ConcurrentUpdateException: 500,
  InternalServiceException: 500,
} as const;

export type AutoScalingErrorCode = keyof typeof AUTOSCALING_ERRORS;

/** Sent in the plain AWS JSON shape (`__type` + `message`), which the SDK maps to its modeled error of that name. */
export class AutoScalingApiError extends AwsServiceError {
  constructor(code: AutoScalingErrorCode, message: string) {
    super(code, message, AUTOSCALING_ERRORS[code]);
  }
}

export const validation = (message: string) => new AutoScalingApiError("ValidationException", message);
export const notFound = (message: string) => new AutoScalingApiError("ObjectNotFoundException", message);

export function noTarget(resourceId: string, dimension: string): AutoScalingApiError {
  return notFound(`No scalable target registered for service namespace: dynamodb, resource ID: ${resourceId}, scalable dimension: ${dimension}`);
}
