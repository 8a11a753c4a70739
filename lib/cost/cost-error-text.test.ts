import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/queries/fetch-json";
import { costErrorText } from "./cost-error-text";

describe("cost error text", () => {
  it("shows a region without prices with the server's PRICES_FILE hint, and no retry", () => {
    const hint = "No DynamoDB prices for ap-south-2 (STANDARD) in the built-in price table: set PRICES_FILE to a price file that lists them.";
    expect(costErrorText(new ApiError(409, "CONFLICT", hint))).toEqual({ title: "No prices for this table's region", message: hint, retry: false });
  });

  it("names a refused range and keeps the server's reason", () => {
    const text = costErrorText(new ApiError(400, "BAD_REQUEST", "range can be at most 14d: CloudWatch keeps one-minute data for 15 days"));
    expect(text.title).toBe("The cost range was not accepted");
    expect(text.message).toContain("at most 14d");
    expect(text.retry).toBe(false);
  });

  it("offers a retry for failures that may pass", () => {
    for (const error of [new ApiError(503, "UNAVAILABLE", "CloudWatch is unavailable."), new ApiError(0, "NETWORK", "Could not reach the server."), new Error("boom")]) {
      const text = costErrorText(error);
      expect(text.retry).toBe(true);
      expect(text.message).toContain(error.message);
    }
    expect(costErrorText("not an error").message).toContain("The server gave no reason.");
  });
});
