import type { ContributorInsightsConfig } from "../metering/contributor-insights";

/** Contributor Insights in the demo: on for Shop and its GSI1 and for Events, off for Sessions (so the UI shows both). */
export const DEMO_CONTRIBUTOR_INSIGHTS: ContributorInsightsConfig = {
  Shop: "ACCESSED_AND_THROTTLED_KEYS",
  "Shop/GSI1": "ACCESSED_AND_THROTTLED_KEYS",
  Events: "ACCESSED_AND_THROTTLED_KEYS",
};
