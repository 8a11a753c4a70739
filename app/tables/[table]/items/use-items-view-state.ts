"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseViewState, viewStateToParams, type ItemsViewState } from "@/lib/items/items-view-state";

/** The items view's state, read from and written to the URL. Navigation pushes history for big moves, replaces for small ones. */
export function useItemsViewState(): [ItemsViewState, (patch: Partial<ItemsViewState>, mode?: "push" | "replace") => void] {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo(() => parseViewState(new URLSearchParams(searchParams.toString())), [searchParams]);
  const update = useCallback(
    (patch: Partial<ItemsViewState>, mode: "push" | "replace" = "push") => {
      // Read the live URL, not the render-time snapshot, so quick successive updates compose.
      const current = parseViewState(new URLSearchParams(window.location.search));
      const search = viewStateToParams({ ...current, ...patch }).toString();
      const href = search ? `${pathname}?${search}` : pathname;
      if (mode === "push") router.push(href, { scroll: false });
      else router.replace(href, { scroll: false });
    },
    [pathname, router],
  );
  return [state, update];
}
