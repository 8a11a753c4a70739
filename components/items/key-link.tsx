import { ScopedLink as Link } from "@/components/layout/scoped-link";
import type { ReactNode } from "react";

const LINK = "text-sky-700 hover:underline dark:text-sky-400";

/**
 * A key value that opens its partition or item, or plain text when the key is a digest: a digest names nothing the
 * item browser could find, so a link would open an empty page. `className` is layout only; KeyLink adds the colours.
 */
export function KeyLink({ href, className, title, testId, children }: { href: string | null; className: string; title?: string; testId?: string; children: ReactNode }) {
  if (href === null) {
    return (
      <span className={className} title={title ?? "Shown as a digest for your role, so it can't be opened"} data-testid={testId} data-key-digest="true">
        {children}
      </span>
    );
  }
  return (
    <Link href={href} className={`${className} ${LINK}`} title={title} data-testid={testId}>
      {children}
    </Link>
  );
}
