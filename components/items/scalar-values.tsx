"use client";

import { useState } from "react";
import { base64ByteLength } from "@/lib/dynamo/base64";
import { epochHint } from "@/lib/dynamo/epoch";
import { formatCount } from "@/lib/format/format-count";
import { epochText, numberDescription, stringMarker, truncateBase64, truncateText } from "./attribute-labels";

/** Base64 beyond this many characters is folded; the byte length is always shown in full. */
export const BASE64_PREVIEW_CHARS = 120;
/** Strings can be up to 400 KB; fold long ones so one attribute cannot bury the rest of the item. */
export const STRING_PREVIEW_CHARS = 2000;

const MUTED = "text-slate-500 italic dark:text-slate-400";

function ShowAllButton({ hiddenLength, onClick }: { hiddenLength: number; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="ml-1 rounded px-1 font-sans text-xs whitespace-nowrap text-sky-700 not-italic hover:underline dark:text-sky-400"
    >
      show all (+{formatCount(hiddenLength)} chars)
    </button>
  );
}

/** Rendered as a React text node, so markup such as `<script>` shows literally and never executes. */
export function StringValue({ value }: { value: string }) {
  const [showAll, setShowAll] = useState(false);
  const marker = stringMarker(value);
  const { shown, hiddenLength } = showAll ? { shown: value, hiddenLength: 0 } : truncateText(value, STRING_PREVIEW_CHARS);
  return (
    <span className="font-mono break-all whitespace-pre-wrap">
      {shown}
      {hiddenLength > 0 ? (
        <>
          <span aria-hidden className={MUTED}>
            …
          </span>
          <ShowAllButton hiddenLength={hiddenLength} onClick={() => setShowAll(true)} />
        </>
      ) : null}
      {marker !== null ? <span className={`font-sans text-xs ${MUTED}${value.length > 0 ? " ml-1" : ""}`}>{marker}</span> : null}
    </span>
  );
}

/** The exact digits DynamoDB returned; never parsed, so 38 significant digits survive. */
export function NumberValue({ value }: { value: string }) {
  const hint = epochHint(value);
  if (hint === null) return <span className="font-mono break-all tabular-nums">{value}</span>;
  const description = numberDescription(value, hint);
  return (
    <span
      title={description}
      className="cursor-help font-mono tabular-nums underline decoration-slate-400 decoration-dotted underline-offset-2 dark:decoration-slate-500"
    >
      {value}
      {/* The title is mouse-only; screen readers get the same reading as text. */}
      <span className="sr-only"> — {epochText(hint)}</span>
    </span>
  );
}

export function BinaryValue({ value }: { value: string }) {
  const [showAll, setShowAll] = useState(false);
  const { shown, hiddenLength } = showAll ? { shown: value, hiddenLength: 0 } : truncateBase64(value, BASE64_PREVIEW_CHARS);
  const bytes = base64ByteLength(value);
  return (
    <span>
      <span className="font-mono break-all">{shown}</span>
      {hiddenLength > 0 ? (
        <>
          <span aria-hidden className={MUTED}>
            …
          </span>
          <ShowAllButton hiddenLength={hiddenLength} onClick={() => setShowAll(true)} />
        </>
      ) : null}
      <span className="ml-2 font-sans text-xs whitespace-nowrap text-slate-500 dark:text-slate-400">
        {formatCount(bytes)} {bytes === 1 ? "byte" : "bytes"}
      </span>
    </span>
  );
}

export function BooleanValue({ value }: { value: boolean }) {
  return <span className="font-mono font-semibold text-amber-800 dark:text-amber-300">{value ? "true" : "false"}</span>;
}

export function NullValue() {
  return <span className="font-mono text-slate-500 dark:text-slate-400">null</span>;
}
