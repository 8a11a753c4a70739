import type { Metadata } from "next";
import { FleetView } from "./fleet-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Fleet" };

/**
 * Not prefetched on the server: reading every account and region can take seconds, and the page should appear at
 * once with the scopes it is reading, rather than stay blank until the slowest region answers.
 */
export default function FleetPage() {
  return <FleetView />;
}
