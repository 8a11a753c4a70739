import "server-only";
import type { MiddlewareStack, Pluggable } from "@smithy/types";
import { isAllowedOperation, type OperationAllowlist } from "./read-only-allowlist";

export class ReadOnlyViolationError extends Error {
  override name = "ReadOnlyViolationError";
  constructor(service: string, operation: string) {
    super(`Dynamo Lens is read-only: ${service} ${operation} is not an allowed read operation.`);
  }
}

type WireRequest = { headers?: Record<string, string | undefined>; body?: unknown };

/**
 * The operation a built request names on the wire: AWS JSON services carry it in X-Amz-Target
 * (`Service_Version.Operation`), AWS Query services (STS) in the form body's `Action`.
 */
export function wireOperation(request: WireRequest | undefined): string {
  const headers = Object.entries(request?.headers ?? {});
  const target = headers.find(([name]) => name.toLowerCase() === "x-amz-target")?.[1];
  if (target) return target.split(".").pop() ?? "";
  const contentType = headers.find(([name]) => name.toLowerCase() === "content-type")?.[1] ?? "";
  if (contentType.startsWith("application/x-www-form-urlencoded") && typeof request?.body === "string") {
    return new URLSearchParams(request.body).get("Action") ?? "";
  }
  return "";
}

/**
 * Installs two checks on a client's middleware stack:
 * - at `initialize`, on the command name the SDK records for the command being sent;
 * - at `build`, on the operation that would actually go on the wire (wireOperation), so a hand-built command with a
 *   misleading name is refused too.
 * Both run before the `finalizeRequest` step, where SigV4 signing and sending happen.
 */
export function installReadOnlyGuard<I extends object, O extends object>(client: { middlewareStack: MiddlewareStack<I, O> }, service: string, allowlist: OperationAllowlist): void {
  readOnlyGuardPlugin<I, O>(service, allowlist).applyToStack(client.middlewareStack);
}

/** The same guard as a plugin, for clients the SDK builds itself (the STS client behind fromTemporaryCredentials). */
export function readOnlyGuardPlugin<I extends object, O extends object>(service: string, allowlist: OperationAllowlist): Pluggable<I, O> {
  return {
    applyToStack: (stack) => {
      stack.add(
        (next, context) => async (args) => {
          const commandName = typeof context.commandName === "string" ? context.commandName : "";
          const operation = commandName.replace(/Command$/, "");
          if (!operation || !isAllowedOperation(allowlist, operation)) {
            throw new ReadOnlyViolationError(service, operation || "(unnamed command)");
          }
          return next(args);
        },
        // override: fromTemporaryCredentials applies its client plugins again on every refresh, to the same client.
        { step: "initialize", name: "dynamoLensReadOnlyCommandGuard", priority: "high", override: true },
      );
      stack.add(
        (next) => async (args) => {
          const operation = wireOperation(args.request as WireRequest | undefined);
          if (!operation || !isAllowedOperation(allowlist, operation)) {
            throw new ReadOnlyViolationError(service, operation || "(request without an operation on the wire)");
          }
          return next(args);
        },
        { step: "build", name: "dynamoLensReadOnlyWireGuard", priority: "low", override: true },
      );
    },
  };
}
