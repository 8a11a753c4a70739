import { AwsServiceError } from "../shared/service-error";

/**
 * LookupEvents' modeled errors (client-cloudtrail's LookupEventsCommand lists InvalidEventCategory, InvalidLookupAttributes,
 * InvalidMaxResults, InvalidNextToken and InvalidTimeRange) plus ThrottlingException, which CloudTrail answers when the
 * two-lookups-per-second limit is exceeded. All client faults (400), sent as plain AWS JSON 1.1 (`__type` + `message`),
 * which the SDK maps to its modeled error of that name.
 */
export type CloudTrailErrorCode =
  | "InvalidEventCategoryException"
  | "InvalidLookupAttributesException"
  | "InvalidMaxResultsException"
  | "InvalidNextTokenException"
  | "InvalidTimeRangeException"
  | "ThrottlingException";

export class CloudTrailApiError extends AwsServiceError {
  constructor(code: CloudTrailErrorCode, message: string) {
    super(code, message, 400);
  }
}
