"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";

/**
 * A string kept in the URL's query so a link reproduces the view. The input reads local state, because
 * router.replace lands asynchronously and a controlled input bound to the URL would drop fast keystrokes.
 */
export function useSearchParamState(name: string): [string, (value: string) => void] {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [value, setValue] = useState(() => searchParams.get(name) ?? "");
  const update = useCallback(
    (next: string) => {
      setValue(next);
      const params = new URLSearchParams(window.location.search);
      if (next) params.set(name, next);
      else params.delete(name);
      const search = params.toString();
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    },
    [name, pathname, router],
  );
  return [value, update];
}
