import type { ContributorInsightsConfig } from "../metering/contributor-insights";

/**
 * Contributor Insights in the demo: on for Shop and its GSI1, off for Sessions and Events (so the UI shows both). Events'
 * chatty device (HOT_DEVICE_ID) overloads one key with Contributor Insights off, so only sampling its stream names it.
 */
export const DEMO_CONTRIBUTOR_INSIGHTS: ContributorInsightsConfig = {
  Shop: "ACCESSED_AND_THROTTLED_KEYS",
  "Shop/GSI1": "ACCESSED_AND_THROTTLED_KEYS",
};
