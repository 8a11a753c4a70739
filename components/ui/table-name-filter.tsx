"use client";

import { useEffect, useRef } from "react";

/**
 * The table-name filter of the overview and the fleet: a search box that "/" focuses from anywhere on the page, as in
 * most developer tools. The caller keeps the value (in the URL).
 */
export function TableNameFilter({ value, onChange, label, className }: { value: string; onChange: (value: string) => void; label: string; className: string }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key === "/" && target?.tagName !== "INPUT" && target?.tagName !== "TEXTAREA" && target?.tagName !== "SELECT") {
        event.preventDefault();
        ref.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <label className={`flex items-center ${className}`}>
      <span className="sr-only">{label}</span>
      <input
        ref={ref}
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder="Filter tables  ( / )"
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm dark:border-slate-700 dark:bg-slate-900"
      />
    </label>
  );
}
