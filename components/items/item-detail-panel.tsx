"use client";

import { ScopedLink as Link } from "@/components/layout/scoped-link";
import { useEffect, useRef, useSyncExternalStore, type FocusEvent, type KeyboardEvent, type ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import type { WireItem } from "@/lib/dynamo/wire-value";
import type { KeyAttributes } from "./attribute-labels";
import { ItemView } from "./item-view";

export type ItemDetailPanelProps = {
  item: WireItem;
  keyAttributes: KeyAttributes;
  title: string;
  /** A shareable link to this item (relative or absolute). */
  itemHref: string;
  onClose: () => void;
  /** Extra sections below the item, such as the size breakdown. */
  children?: ReactNode;
};

const noSubscription = () => () => {};

/**
 * The page URL is only known in the browser; during server rendering the snapshot is null, so hydration matches
 * and the copy button falls back to the link as given until the client takes over.
 */
function useAbsoluteUrl(href: string): string {
  const base = useSyncExternalStore(
    noSubscription,
    () => window.location.href,
    () => null,
  );
  return base === null ? href : new URL(href, base).href;
}

/**
 * A non-modal side panel for one item. It fills its container (the page decides drawer vs. column) and scrolls
 * its own body. Escape closes it and hands focus back to whatever opened it.
 */
export function ItemDetailPanel({ item, keyAttributes, title, itemHref, onClose, children }: ItemDetailPanelProps) {
  const panelRef = useRef<HTMLElement>(null);
  // The element that had focus before focus entered the panel: usually the row that was clicked.
  const openerRef = useRef<HTMLElement | null>(null);
  const absoluteUrl = useAbsoluteUrl(itemHref);

  useEffect(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && !panelRef.current?.contains(active)) openerRef.current = active;
    // Moving focus in lets keyboard users read the item at once; preventScroll avoids jumping a long page.
    panelRef.current?.focus({ preventScroll: true });
  }, []);

  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && !event.currentTarget.contains(from)) openerRef.current = from;
  };

  const close = () => {
    const opener = openerRef.current;
    const hadFocus = panelRef.current?.contains(document.activeElement) ?? false;
    onClose();
    // Only pull focus back if it was inside the panel; the opener may have been removed by a re-render.
    if (hadFocus && opener?.isConnected) opener.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Inner widgets (tooltips, menus) that handle Escape themselves call preventDefault first.
    if (event.key !== "Escape" || event.defaultPrevented) return;
    event.preventDefault();
    close();
  };

  return (
    <section
      ref={panelRef}
      role="dialog"
      aria-modal="false"
      aria-label={`Item ${title}`}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      className="flex h-full min-h-0 w-full flex-col overflow-hidden rounded-lg border border-slate-200 bg-white text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex shrink-0 items-start gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <div className="min-w-0 flex-1">
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Item</p>
          <h2 className="font-mono text-base font-semibold break-all whitespace-pre-wrap">{title}</h2>
        </div>
        <button
          type="button"
          onClick={close}
          aria-label="Close item details"
          title="Close (Esc)"
          className="-mr-1 inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-slate-100"
        >
          <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
          </svg>
        </button>
      </header>
      <div className="min-h-0 flex-1 space-y-4 overflow-y-auto overscroll-contain px-4 py-3">
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <Link href={itemHref} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
            Link to this item
          </Link>
          <CopyButton text={absoluteUrl} label="Copy link to this item" />
        </div>
        <ItemView item={item} keyAttributes={keyAttributes} />
        {children}
      </div>
    </section>
  );
}
