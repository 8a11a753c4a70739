import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { toAppError } from "@/lib/server/http/error-response";
import { MalformedStreamRecordError } from "@/lib/streams/stream-record";

/**
 * A DynamoDB Streams failure a reader cannot work around, as an AppError that says what happened to the stream.
 * (Throttles, expired iterators and trimmed data are handled by the poller and never reach here.)
 */
export function streamReadError(error: unknown, streamArn: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof Error) {
    if (error.name === "ResourceNotFoundException") {
      return new AppError("NOT_FOUND", `The stream ${streamArn} is gone: its table was deleted, or the stream was turned off more than 24 hours ago.`);
    }
    if (error.name === "AccessDeniedException") {
      return new AppError("FORBIDDEN", "The server's AWS credentials may not read this stream: it needs dynamodb:DescribeStream, GetShardIterator and GetRecords on the stream's ARN (see the IAM policy in the README).");
    }
    if (error instanceof MalformedStreamRecordError) return new AppError("UPSTREAM", `DynamoDB Streams answered a record that cannot be read: ${error.message}`);
  }
  const known = toAppError(error);
  if (known) return known;
  const name = error instanceof Error ? error.name : typeof error;
  return new AppError("UPSTREAM", `Reading the stream failed on an unexpected error (${name}).`);
}
