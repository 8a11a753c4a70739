import type { MiddlewareStack } from "@smithy/types";

/**
 * Makes a real SDK client send `authorization` (or none, for undefined) instead of the header it signed, so the local
 * services' refusals can be tested through the SDK's own error handling. It runs after signing, just before sending.
 */
export function overrideAuthorization<Input extends object, Output extends object>(client: { middlewareStack: MiddlewareStack<Input, Output> }, authorization: string | undefined): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const request: unknown = args.request;
      if (typeof request === "object" && request !== null && "headers" in request && typeof request.headers === "object" && request.headers !== null) {
        const headers = request.headers as Record<string, string>;
        if (authorization === undefined) delete headers.authorization;
        else headers.authorization = authorization;
      }
      return next(args);
    },
    { step: "deserialize", name: "overrideAuthorization", override: true },
  );
}
