/**
 * The capacity-mode verdict (issue 16): whether another capacity mode would serve the same traffic for at least 10%
 * less a month without turning away more requests than the current setup. Pure and client-safe; it reads the cost
 * advisor's response (lib/cost/table-cost.ts) and never recomputes a figure, so the verdict and the Cost section agree.
 */
import { formatPrice, formatUnits, formatUsd } from "@/lib/cost/cost-numbers";
import { bestAlternative, CAPACITY_MODE_SAVING_SHARE, otherOptions } from "@/lib/cost/cost-summary";
import type { Alternative, CapacityModeName, CostLine, CostResponse } from "@/lib/cost/cost-types";
import type { Evidence, Verdict } from "./diagnosis-types";
import { percent } from "./evidence-text";

export { CAPACITY_MODE_SAVING_SHARE } from "@/lib/cost/cost-summary";

const CURRENT_NAMES: Record<CostResponse["current"]["mode"], string> = {
  "on-demand": "on-demand",
  provisioned: "provisioned capacity",
  autoscaling: "provisioned capacity with auto scaling",
};

const ALTERNATIVE_NAMES: Record<CapacityModeName, string> = {
  "on-demand": "on-demand",
  "provisioned-peak": "provisioned capacity fixed at the observed peak",
  autoscaling: "provisioned capacity with auto scaling at 70% use",
  reserved: "auto scaling with 1-year reserved capacity",
};

/** A share under the threshold, never rounded up to it: 9.99% reads "9.9%", not "10%". */
const belowThreshold = (share: number) => `${Math.floor(share * 1000) / 10}%`;

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** "Switching to on-demand", or a plain description where the switch is within provisioned mode. */
function optionPhrase(mode: CapacityModeName, current: CostResponse["current"]["mode"]): string {
  if (mode === "on-demand") return "switching to on-demand";
  if (mode === "autoscaling" && current === "autoscaling") return "auto scaling aimed at 70% use";
  if (mode === "autoscaling") return "switching to provisioned capacity with auto scaling";
  if (mode === "reserved") return "auto scaling with reserved capacity";
  return "provisioned capacity fixed at the observed peak";
}

const SUGGESTIONS: Record<CapacityModeName, string> = {
  "on-demand":
    "Switch the table to on-demand (its indexes follow). AWS allows a switch from provisioned to on-demand up to four times in 24 hours, and back at any time; " +
    "an on-demand maximum can cap the spend. Recheck after a few weeks of traffic.",
  "provisioned-peak":
    "Set the table's and indexes' provisioned capacity to the peaks shown in the Cost section, and remove auto scaling if it moves them. " +
    "A peak higher than any seen here would be turned away, so leave headroom for growth.",
  autoscaling:
    "Use provisioned capacity with target-tracking auto scaling at 70% for the table and each index, with a minimum that covers the quiet hours and a maximum above the peak.",
  reserved:
    "Use provisioned capacity with auto scaling, and buy the 1-year reserved capacity the Cost section lists. Reserved capacity is a commitment for the account and region: check the other tables' use first.",
};

function daysText(ms: number): string {
  const days = ms / 86_400_000;
  return `${formatUnits(days)} day${days === 1 ? "" : "s"}`;
}

/** "$94.07 throughput + $0.00 storage = $94.07 a month; throughput: …": the month's sum, then its throughput formula. */
function formulas(lines: readonly CostLine[]): string {
  const month = (lines[0]?.formula ?? "").replace(/^month: /, "");
  return `${month} a month; ${lines[1]?.formula ?? ""}`;
}

function costEvidence(cost: CostResponse): Evidence[] {
  const { window, current, prices } = cost;
  const tableClass = prices.tableClass === "STANDARD" ? "Standard" : "Standard-IA";
  return [
    { source: "cost", label: `Now (${CURRENT_NAMES[current.mode]}): ${formulas(current.lines)}`, window },
    {
      source: "cost",
      label:
        `Measured over ${daysText(window.end - window.start)}, × ${formatUnits(cost.monthFactor)} for a 30-day month, at ${prices.region} ${tableClass} prices as of ${prices.date}: ` +
        `${formatPrice(prices.onDemandReadPerMillion)} per million read units and ${formatPrice(prices.onDemandWritePerMillion)} per million write units on demand, ` +
        `${formatPrice(prices.rcuHour)} per RCU-hour, ${formatPrice(prices.wcuHour)} per WCU-hour, ${formatPrice(prices.storageGbMonth)} per GB-month`,
      window,
    },
  ];
}

function alternativeEvidence(cost: CostResponse, option: Alternative, why: string): Evidence {
  return { source: "cost", label: `${capitalised(ALTERNATIVE_NAMES[option.mode])}, ${why}: ${formulas(option.lines)}`, window: cost.window };
}

const turnedAway = (option: Alternative) =>
  option.throttledRequests === 0 ? "turning no request away" : `turning away ${formatUnits(Math.round(option.throttledRequests))} request units`;

/** Options cheaper than `below` that would throttle more than now: listed so the verdict shows why they lose. */
function rejectedEvidence(cost: CostResponse, options: readonly Alternative[], below: number): Evidence[] {
  const now = cost.current.throttledRequests;
  return options
    .filter((option) => option.throttledRequests > now && option.monthlyUsd < below)
    .map((option) => {
      const extra = formatUnits(Math.round(option.throttledRequests - now));
      return alternativeEvidence(cost, option, `not recommended: it would have turned away ${extra} more request units than the current setup did`);
    });
}

export function capacityModeVerdicts(cost: CostResponse | null | undefined): Verdict[] {
  if (!cost) return [];
  const { current } = cost;
  const options = otherOptions(cost);
  const best = bestAlternative(cost);
  const saving = best ? current.monthlyUsd - best.monthlyUsd : 0;
  const share = current.monthlyUsd > 0 ? saving / current.monthlyUsd : 0;
  const evidence = costEvidence(cost);
  const currentName = CURRENT_NAMES[current.mode];

  if (best && share >= CAPACITY_MODE_SAVING_SHARE) {
    const outcome = best.throttledRequests === 0 ? "with no requests turned away" : "turning away no more requests than now";
    return [
      {
        kind: "capacity-mode-savings",
        severity: "info",
        title: `${capitalised(optionPhrase(best.mode, current.mode))} would cost ${formatUsd(saving)} a month less (−${percent(share)}), ${outcome}.`,
        evidence: [
          ...evidence,
          alternativeEvidence(cost, best, `${formatUsd(saving)} (${percent(share)}) a month less than now, ${turnedAway(best)}`),
          ...rejectedEvidence(cost, options, best.monthlyUsd),
        ],
        suggestion: SUGGESTIONS[best.mode],
      },
    ];
  }
  const title =
    best && saving > 0
      ? `${capitalised(currentName)} is fine for this table: the cheapest other option would save only ${formatUsd(saving)} a month (${belowThreshold(share)}), under 10%.`
      : `${capitalised(currentName)} is the cheapest way to serve this table's traffic without turning more requests away.`;
  return [
    {
      kind: "capacity-mode-fine",
      severity: "ok",
      title,
      evidence: [
        ...evidence,
        ...(best ? [alternativeEvidence(cost, best, `the cheapest option that turns away no more requests than now (${turnedAway(best)})`)] : []),
        ...rejectedEvidence(cost, options, current.monthlyUsd),
      ],
      suggestion: "No change needed. Recheck when the traffic's shape changes, or after a price change.",
    },
  ];
}
