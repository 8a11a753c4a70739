"use client";

import Link from "next/link";
import type { ComponentProps } from "react";
import { withScope } from "@/lib/scope/scope";
import { useScope } from "./scope-context";

/**
 * A link inside the current account and region: the href gets `?account=&region=`, so the page it opens reads the
 * same scope, and the URL can be shared as it is.
 */
export function ScopedLink({ href, ...props }: Omit<ComponentProps<typeof Link>, "href"> & { href: string }) {
  return <Link href={withScope(href, useScope())} {...props} />;
}

/** The current scope applied to an internal path, for router.push and hand-built hrefs. */
export function useScopedHref(): (path: string) => string {
  const scope = useScope();
  return (path) => withScope(path, scope);
}
