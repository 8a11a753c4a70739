import { describe, expect, it } from "vitest";
import { DEFAULT_STREAM_VIEW, isUnfiltered, parseStreamViewState, toggleEvent, writeStreamViewState, type StreamViewState } from "./stream-view-state";

describe("stream page view state in the URL", () => {
  it("round-trips every field", () => {
    const state: StreamViewState = { tab: "sample", events: ["INSERT", "REMOVE"], keyPrefix: "CUSTOMER#0 & more", tz: "local" };
    const params = writeStreamViewState(new URLSearchParams(), state);
    expect(params.toString()).toBe("tab=sample&events=INSERT%2CREMOVE&keyPrefix=CUSTOMER%230+%26+more&tz=local");
    expect(parseStreamViewState(params)).toEqual(state);
  });

  it("keeps defaults out of the URL and falls back on nonsense", () => {
    expect(writeStreamViewState(new URLSearchParams(), DEFAULT_STREAM_VIEW).toString()).toBe("");
    expect(parseStreamViewState(new URLSearchParams("tab=graph&events=DELETE,,nope&tz=Mars"))).toEqual(DEFAULT_STREAM_VIEW);
  });

  it("writes event names in canonical order, once, and leaves 'all three' out", () => {
    const params = writeStreamViewState(new URLSearchParams(), { ...DEFAULT_STREAM_VIEW, events: ["REMOVE", "INSERT", "REMOVE"] });
    expect(params.get("events")).toBe("INSERT,REMOVE");
    expect(parseStreamViewState(new URLSearchParams("events=REMOVE,MODIFY,INSERT")).events).toEqual(["INSERT", "MODIFY", "REMOVE"]);
    expect(writeStreamViewState(new URLSearchParams(), { ...DEFAULT_STREAM_VIEW, events: ["MODIFY", "INSERT", "REMOVE"] }).has("events")).toBe(false);
  });

  it("keeps the scope and other pages' parameters, and replaces its own", () => {
    const params = writeStreamViewState(new URLSearchParams("account=demo&region=eu-west-1&tab=sample&keyPrefix=a"), { ...DEFAULT_STREAM_VIEW, keyPrefix: "b" });
    expect(params.toString()).toBe("account=demo&region=eu-west-1&keyPrefix=b");
  });

  it("reads the table page's time zone parameter", () => {
    expect(parseStreamViewState(new URLSearchParams("tz=local&range=1h")).tz).toBe("local");
  });
});

describe("event toggles", () => {
  it("turns a name off and on again, keeping the canonical order", () => {
    const off = toggleEvent(["INSERT", "MODIFY", "REMOVE"], "MODIFY");
    expect(off).toEqual(["INSERT", "REMOVE"]);
    expect(toggleEvent(off, "MODIFY")).toEqual(["INSERT", "MODIFY", "REMOVE"]);
  });

  it("never leaves the selection empty", () => {
    expect(toggleEvent(["REMOVE"], "REMOVE")).toEqual(["REMOVE"]);
  });

  it("knows when nothing is filtered", () => {
    expect(isUnfiltered(DEFAULT_STREAM_VIEW)).toBe(true);
    expect(isUnfiltered({ events: ["INSERT"], keyPrefix: "" })).toBe(false);
    expect(isUnfiltered({ events: ["INSERT", "MODIFY", "REMOVE"], keyPrefix: "x" })).toBe(false);
  });
});
