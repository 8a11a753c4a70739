"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseCapacityState, writeCapacityState, type CapacityViewState } from "@/lib/metrics/capacity-view-state";

/** The capacity controls in the URL, so a link reproduces the range, zoom, refresh, time zone and GSI. */
export function useCapacityViewState(): [CapacityViewState, (patch: Partial<CapacityViewState>) => void] {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo(() => parseCapacityState(new URLSearchParams(searchParams.toString())), [searchParams]);
  const update = useCallback(
    (patch: Partial<CapacityViewState>) => {
      const current = new URLSearchParams(window.location.search);
      const next = writeCapacityState(current, { ...parseCapacityState(current), ...patch }).toString();
      router.replace(next ? `${pathname}?${next}` : pathname, { scroll: false });
    },
    [pathname, router],
  );
  return [state, update];
}
