import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { ReadOnlyViolationError } from "@/lib/server/aws/read-only-guard";
import { errorResponse } from "./error-response";

const awsError = (name: string, message = "from AWS") => Object.assign(new Error(message), { name });

describe("errorResponse", () => {
  it.each([
    ["ResourceNotFoundException", 404, "NOT_FOUND"],
    ["ValidationException", 400, "BAD_REQUEST"],
    ["ProvisionedThroughputExceededException", 429, "THROTTLED"],
    ["ThrottlingException", 429, "THROTTLED"],
    ["RequestLimitExceeded", 429, "THROTTLED"],
    ["AccessDeniedException", 403, "FORBIDDEN"],
    ["UnrecognizedClientException", 502, "UPSTREAM"],
    ["CredentialsProviderError", 502, "UPSTREAM"],
  ])("maps %s to %d %s", async (name, status, code) => {
    const response = errorResponse(awsError(name));
    expect(response.status).toBe(status);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: { code, message: expect.any(String) } });
  });

  it("tells a throttled client when to retry", () => {
    expect(errorResponse(awsError("ThrottlingException")).headers.get("retry-after")).toBe("5");
  });

  it("says in plain words that the dashboard itself is throttled, with DynamoDB's reason", async () => {
    const throttled = Object.assign(awsError("ProvisionedThroughputExceededException"), {
      ThrottlingReasons: [{ reason: "TableReadProvisionedThroughputExceeded", resource: "arn:aws:dynamodb:us-east-1:1:table/T" }],
    });
    expect(await errorResponse(throttled).json()).toEqual({
      error: {
        code: "THROTTLED",
        message:
          "DynamoDB is throttling this dashboard: the table is using all the capacity it is allowed right now (TableReadProvisionedThroughputExceeded). The dashboard already retried; try again in a few seconds.",
      },
    });
  });

  it("maps connection failures to 502", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:8000"), { code: "ECONNREFUSED" });
    const response = errorResponse(refused);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error: { code: "UPSTREAM", message: "Could not reach AWS (ECONNREFUSED)." } });
  });

  it("passes AppErrors through", async () => {
    const response = errorResponse(new AppError("BAD_REQUEST", "limit: too big"));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "BAD_REQUEST", message: "limit: too big" } });
  });

  it.each([new TypeError("secret internal detail at /srv/app.js:1"), new ReadOnlyViolationError("DynamoDB", "PutItem"), "a thrown string"])(
    "answers anything unexpected with a generic 500 that leaks nothing (%s)",
    async (error) => {
      const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const response = errorResponse(error);
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ error: { code: "INTERNAL", message: "Internal server error." } });
      expect(text).not.toMatch(/secret|srv|PutItem|thrown/);
      expect(log).toHaveBeenCalled();
      log.mockRestore();
    },
  );
});
