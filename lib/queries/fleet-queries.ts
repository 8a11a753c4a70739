import { queryOptions } from "@tanstack/react-query";
import type { FleetResponse } from "@/lib/fleet/fleet-types";
import { fetchJson } from "./fetch-json";

export const fleetKeys = {
  all: () => ["fleet"] as const,
};

export const fleetQueries = {
  /** Every account and region at once; refreshed each minute like the overview, whose caches it shares. */
  all: () =>
    queryOptions({
      queryKey: fleetKeys.all(),
      queryFn: ({ signal }) => fetchJson<FleetResponse>("/api/fleet", { signal }),
      refetchInterval: 60_000,
      staleTime: 30_000,
    }),
};
