import "server-only";
import type { MiddlewareStack } from "@smithy/types";
import { isAllowedOperation, type OperationAllowlist } from "./read-only-allowlist";

export class ReadOnlyViolationError extends Error {
  override name = "ReadOnlyViolationError";
  constructor(service: string, operation: string) {
    super(`Dynamo Lens is read-only: ${service} ${operation} is not an allowed read operation.`);
  }
}

/**
 * Installs two checks on a client's middleware stack:
 * - at `initialize`, on the command name the SDK records for the command being sent;
 * - at `build`, on the X-Amz-Target header that would actually go on the wire (both services speak AWS JSON),
 *   so a hand-built command with a misleading name is refused too.
 * Both run before the `finalizeRequest` step, where SigV4 signing and sending happen.
 */
export function installReadOnlyGuard<I extends object, O extends object>(
  client: { middlewareStack: MiddlewareStack<I, O> },
  service: string,
  allowlist: OperationAllowlist,
): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const commandName = typeof context.commandName === "string" ? context.commandName : "";
      const operation = commandName.replace(/Command$/, "");
      if (!operation || !isAllowedOperation(allowlist, operation)) {
        throw new ReadOnlyViolationError(service, operation || "(unnamed command)");
      }
      return next(args);
    },
    { step: "initialize", name: "dynamoLensReadOnlyCommandGuard", priority: "high" },
  );
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers?: Record<string, string | undefined> } | undefined;
      const target = Object.entries(request?.headers ?? {}).find(([name]) => name.toLowerCase() === "x-amz-target")?.[1];
      const operation = target?.split(".").pop() ?? "";
      if (!operation || !isAllowedOperation(allowlist, operation)) {
        throw new ReadOnlyViolationError(service, operation || "(request without X-Amz-Target)");
      }
      return next(args);
    },
    { step: "build", name: "dynamoLensReadOnlyWireGuard", priority: "low" },
  );
}
