"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseStreamViewState, writeStreamViewState, type StreamViewState } from "@/lib/streams/stream-view-state";

/** The stream page's tab, filters and time zone in the URL, so a link shows what the sender saw (live, not paused). */
export type StreamViewPatch = Partial<StreamViewState> | ((current: StreamViewState) => Partial<StreamViewState>);

export function useStreamViewState(): [StreamViewState, (patch: StreamViewPatch) => void] {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo(() => parseStreamViewState(new URLSearchParams(searchParams.toString())), [searchParams]);
  const update = useCallback(
    (patch: StreamViewPatch) => {
      // Read the live URL, not the render-time snapshot, so quick successive updates compose: a toggle given as a
      // function of the current state toggles what the URL says now, not what the last render saw.
      const current = new URLSearchParams(window.location.search);
      const state = parseStreamViewState(current);
      const next = writeStreamViewState(current, { ...state, ...(typeof patch === "function" ? patch(state) : patch) }).toString();
      router.replace(next ? `${pathname}?${next}` : pathname, { scroll: false });
    },
    [pathname, router],
  );
  return [state, update];
}
