"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { parseStreamViewState, writeStreamViewState, type StreamViewState } from "@/lib/streams/stream-view-state";

/** The stream page's tab, filters and time zone in the URL, so a link shows what the sender saw (live, not paused). */
export type StreamViewPatch = Partial<StreamViewState> | ((current: StreamViewState) => Partial<StreamViewState>);

export function useStreamViewState(): [StreamViewState, (patch: StreamViewPatch) => void] {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo(() => parseStreamViewState(new URLSearchParams(searchParams.toString())), [searchParams]);
  // router.replace updates the URL only when its navigation commits, so a second click before then would read the
  // old one: the last query asked for is kept until the URL shows it.
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (asked.current === searchParams.toString()) asked.current = null;
  }, [searchParams]);
  const update = useCallback(
    (patch: StreamViewPatch) => {
      // Read the live URL, not the render-time snapshot, so quick successive updates compose: a toggle given as a
      // function of the current state toggles what the URL says now, not what the last render saw.
      const current = new URLSearchParams(asked.current ?? window.location.search);
      const state = parseStreamViewState(current);
      const next = writeStreamViewState(current, { ...state, ...(typeof patch === "function" ? patch(state) : patch) }).toString();
      asked.current = next;
      router.replace(next ? `${pathname}?${next}` : pathname, { scroll: false });
    },
    [pathname, router],
  );
  return [state, update];
}
