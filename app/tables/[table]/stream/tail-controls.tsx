"use client";

import { useEffect, useRef, useState } from "react";
import { STREAM_EVENT_NAMES, type StreamEventName } from "@/lib/streams/stream-types";
import { toggleEvent } from "@/lib/streams/stream-view-state";

/** True when a key press belongs to what has focus (typing, a select, an editable region), not to a page shortcut. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.isContentEditable;
}

/**
 * Pause / Resume, with "p" as its shortcut from anywhere on the page outside a text field (as "/" focuses the table
 * filter elsewhere). `live` false shows Resume (pressed: the rows are not moving). `onToggle` null hides the button:
 * a viewer cannot start a stopped tail.
 */
export function PauseButton({ live, onToggle }: { live: boolean; onToggle: (() => void) | null }) {
  const toggle = useRef(onToggle);
  useEffect(() => {
    toggle.current = onToggle;
  }, [onToggle]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "p" || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      if (toggle.current === null) return;
      event.preventDefault();
      toggle.current();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  if (onToggle === null) return null;
  return (
    <button
      type="button"
      aria-pressed={!live}
      aria-keyshortcuts="p"
      title={live ? "Freeze the rows (p)" : "Show live writes again (p)"}
      onClick={onToggle}
      className={`rounded-md px-3 py-1.5 text-sm font-medium ${live ? "border border-slate-300 bg-white hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800" : "bg-sky-700 text-white hover:bg-sky-800"}`}
      data-testid="tail-toggle"
    >
      {live ? "Pause" : "Resume"}
    </button>
  );
}

/** Event-name toggles and a key-prefix box. The prefix reaches the URL (and the API) after a short pause in typing. */
type FilterPatch = { events?: StreamEventName[]; keyPrefix?: string };

export function TailFilters({ events, keyPrefix, onChange }: { events: readonly StreamEventName[]; keyPrefix: string; onChange: (patch: FilterPatch | ((current: { events: StreamEventName[] }) => FilterPatch)) => void }) {
  const [prefix, setPrefix] = useState(keyPrefix);
  const committed = useRef(keyPrefix);
  // The URL changed from elsewhere (back button, a link): show what it says.
  useEffect(() => {
    if (keyPrefix !== committed.current) {
      committed.current = keyPrefix;
      setPrefix(keyPrefix);
    }
  }, [keyPrefix]);
  useEffect(() => {
    if (prefix === committed.current) return;
    const timer = setTimeout(() => {
      committed.current = prefix;
      onChange({ keyPrefix: prefix });
    }, 400);
    return () => clearTimeout(timer);
  }, [prefix, onChange]);
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <div role="group" aria-label="Event types" className="inline-flex overflow-hidden rounded-md border border-slate-300 text-xs dark:border-slate-700">
        {STREAM_EVENT_NAMES.map((name) => {
          const on = events.includes(name);
          const last = on && events.length === 1;
          return (
            <button
              key={name}
              type="button"
              aria-pressed={on}
              disabled={last}
              title={last ? "At least one event type stays shown" : `${on ? "Hide" : "Show"} ${name} records`}
              onClick={() => onChange((current) => ({ events: toggleEvent(current.events, name) }))}
              className={`px-2.5 py-1 font-mono ${on ? "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900" : "bg-white text-slate-600 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-400 dark:hover:bg-slate-800"}`}
            >
              {name}
            </button>
          );
        })}
      </div>
      <label className="flex min-w-0 flex-1 items-center gap-1.5 sm:flex-none">
        <span className="text-xs whitespace-nowrap text-slate-600 dark:text-slate-400">Key starts with</span>
        <input
          type="search"
          value={prefix}
          onChange={(event) => setPrefix(event.target.value)}
          placeholder="partition key prefix"
          className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs sm:w-56 dark:border-slate-700 dark:bg-slate-950"
          data-testid="tail-key-prefix"
        />
      </label>
    </div>
  );
}
