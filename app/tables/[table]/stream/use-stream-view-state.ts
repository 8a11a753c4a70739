"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseStreamViewState, writeStreamViewState, type StreamViewState } from "@/lib/streams/stream-view-state";

/** The stream page's tab, filters and time zone in the URL, so a link shows what the sender saw (live, not paused). */
export function useStreamViewState(): [StreamViewState, (patch: Partial<StreamViewState>) => void] {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo(() => parseStreamViewState(new URLSearchParams(searchParams.toString())), [searchParams]);
  const update = useCallback(
    (patch: Partial<StreamViewState>) => {
      // Read the live URL, not the render-time snapshot, so quick successive updates compose.
      const current = new URLSearchParams(window.location.search);
      const next = writeStreamViewState(current, { ...parseStreamViewState(current), ...patch }).toString();
      router.replace(next ? `${pathname}?${next}` : pathname, { scroll: false });
    },
    [pathname, router],
  );
  return [state, update];
}
