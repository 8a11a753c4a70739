"use client";

import { useId, useState, type ReactNode } from "react";

const EDGE_PX = 8;

/** Centred on its "?", a tooltip near the screen's edge would be cut off (on a phone, most are): slide it back in. */
function keepInViewport(tooltip: HTMLSpanElement | null): void {
  if (!tooltip) return;
  tooltip.style.marginLeft = "0px";
  const rect = tooltip.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  const shift = rect.right > width - EDGE_PX ? width - EDGE_PX - rect.right : rect.left < EDGE_PX ? EDGE_PX - rect.left : 0;
  tooltip.style.marginLeft = `${Math.round(shift)}px`;
}

/**
 * A small "?" that explains a term in plain language, on hover or keyboard focus. The tooltip stays open while focus
 * or the pointer is inside it, so a link in it can be reached with Tab or clicked.
 */
export function Hint({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span
      className="relative inline-flex normal-case"
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={(event) => {
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setOpen(false);
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") setOpen(false);
      }}
    >
      <button
        type="button"
        aria-label={label}
        aria-describedby={open ? id : undefined}
        aria-expanded={open}
        onClick={() => setOpen(true)}
        className="inline-flex h-4 w-4 items-center justify-center rounded-full border border-current text-[10px] leading-none font-semibold tracking-normal opacity-70 hover:opacity-100"
      >
        ?
      </button>
      {open ? (
        <span
          id={id}
          ref={keepInViewport}
          role="tooltip"
          className="absolute top-full left-1/2 z-20 w-64 -translate-x-1/2 pt-2 text-left text-xs leading-relaxed font-normal tracking-normal"
        >
          <span className="block rounded-md bg-slate-900 px-3 py-2 text-white shadow-lg dark:bg-slate-700">{children}</span>
        </span>
      ) : null}
    </span>
  );
}
