import { describe, expect, it } from "vitest";
import { fleetCardCostText, fleetCostCell, fleetSavingsCell } from "./fleet-cost-text";

const window = { start: Date.UTC(2026, 10, 19), end: Date.UTC(2026, 11, 3) };

describe("fleet cost cells", () => {
  it("shows the month's cost with the window it was measured over on hover", () => {
    const cell = fleetCostCell({ ok: true, monthlyUsd: 94.068, savingsMonthlyUsd: 88.668, savingShare: 0.9426, switchTo: "on-demand", window });
    expect(cell.text).toBe("$94.07/mo");
    expect(cell.title).toContain("2026-11-19 00:00 UTC to 2026-12-03 00:00 UTC (14 days)");
  });

  it("shows the saving, its share and the mode to switch to", () => {
    const cell = fleetSavingsCell({ ok: true, monthlyUsd: 94.068, savingsMonthlyUsd: 88.668, savingShare: 0.9426, switchTo: "on-demand", window });
    expect(cell).toMatchObject({ text: "$88.67/mo", detail: "−94% · switch to on-demand", tone: "saving" });
    expect(cell.title).toBe("On-demand would cost $88.67 a month less (−94%), turning away no more requests than now.");
    expect(fleetSavingsCell({ ok: true, monthlyUsd: 100, savingsMonthlyUsd: 12, savingShare: 0.12, switchTo: "provisioned-peak", window }).detail).toBe("−12% · switch to provisioned at peak");
  });

  it("shows a dash when the current mode is fine, and says so on hover", () => {
    const cell = fleetSavingsCell({ ok: true, monthlyUsd: 3.28, savingsMonthlyUsd: 0, savingShare: 0, switchTo: null, window });
    expect(cell.text).toBe("—");
    expect(cell.detail).toBeNull();
    expect(cell.title).toMatch(/^The current mode is fine/);
  });

  it("shows n/a with the reason for a cost that could not be worked out, and a dash for a table not diagnosed", () => {
    const failed = { ok: false as const, error: "No prices for ap-south-2: set PRICES_FILE to a price file that lists it." };
    expect(fleetCostCell(failed)).toMatchObject({ text: "n/a", tone: "error" });
    expect(fleetCostCell(failed).title).toContain("set PRICES_FILE");
    expect(fleetSavingsCell(failed).title).toContain("set PRICES_FILE");
    expect(fleetCostCell(null)).toMatchObject({ text: "—", tone: "muted" });
    expect(fleetSavingsCell(null).title).toMatch(/not diagnosed/);
  });

  it("writes the phone card's line out in full, reasons included", () => {
    expect(fleetCardCostText({ ok: true, monthlyUsd: 94.068, savingsMonthlyUsd: 88.668, savingShare: 0.9426, switchTo: "on-demand", window })).toBe(
      "Costs $94.07 a month · save $88.67 a month (−94%) with on-demand",
    );
    expect(fleetCardCostText({ ok: true, monthlyUsd: 3.276, savingsMonthlyUsd: 0, savingShare: 0, switchTo: null, window })).toBe("Costs $3.28 a month · the current mode is fine");
    expect(fleetCardCostText({ ok: false, error: "CloudWatch is unavailable." })).toBe("Cost n/a: CloudWatch is unavailable.");
    expect(fleetCardCostText(null)).toBeNull();
  });
});
