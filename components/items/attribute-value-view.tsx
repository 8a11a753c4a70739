"use client";

import { useId, useState, type ReactNode } from "react";
import type { WireValue } from "@/lib/dynamo/wire-value";
import { formatCount } from "@/lib/format/format-count";
import { childCountLabel, isExpandedByDefault, typeLabel } from "./attribute-labels";
import { BinaryValue, BooleanValue, NullValue, NumberValue, StringValue } from "./scalar-values";
import { TypeBadge } from "./type-badge";

/** Lists and maps can hold thousands of children; render a first page and let the reader ask for the rest. */
export const CHILD_PREVIEW = 100;

type ViewProps = {
  value: WireValue;
  /** What precedes the value: an attribute or map key name, or a list index. */
  label?: ReactNode;
  /** 1 for a top-level attribute; decides whether a map or list starts expanded. */
  depth?: number;
};

/** One DynamoDB value as a typed tree. Numbers stay strings from the wire to the screen. */
export function AttributeValueView({ value, label, depth = 1 }: ViewProps) {
  if ("M" in value || "L" in value) return <ContainerNode value={value} label={label} depth={depth} />;
  return (
    <div className="flex min-w-0 items-baseline gap-2 py-0.5">
      <span aria-hidden className="w-3 shrink-0" />
      {label !== undefined ? <NodeLabel>{label}</NodeLabel> : null}
      <TypeBadge type={typeLabel(value)} />
      <div className="min-w-0 flex-1">
        <LeafValue value={value} />
      </div>
    </div>
  );
}

/** A map key or attribute name, in the monospace face so odd characters and spaces stay visible. */
export function NameLabel({ name }: { name: string }) {
  return <span className="font-mono font-medium whitespace-pre-wrap text-slate-800 dark:text-slate-200">{name}</span>;
}

function IndexLabel({ index }: { index: number }) {
  return <span className="font-mono text-slate-500 tabular-nums dark:text-slate-400">[{index}]</span>;
}

function NodeLabel({ children }: { children: ReactNode }) {
  return <span className="inline-flex max-w-[50%] shrink-0 items-baseline gap-1.5 break-all">{children}</span>;
}

function LeafValue({ value }: { value: Exclude<WireValue, { M: unknown } | { L: unknown }> }) {
  if ("S" in value) return <StringValue value={value.S} />;
  if ("N" in value) return <NumberValue value={value.N} />;
  if ("B" in value) return <BinaryValue value={value.B} />;
  if ("BOOL" in value) return <BooleanValue value={value.BOOL} />;
  if ("NULL" in value) return <NullValue />;
  if ("SS" in value) return <SetMembers members={value.SS} render={(member) => <StringValue value={member} />} />;
  if ("NS" in value) return <SetMembers members={value.NS} render={(member) => <NumberValue value={member} />} />;
  if ("REDACTED" in value) return <RedactedValueView type={value.REDACTED} digest={value.digest} />;
  return <SetMembers members={value.BS} render={(member) => <BinaryValue value={member} />} block />;
}

function SetMembers({ members, render, block }: { members: readonly string[]; render: (member: string) => ReactNode; block?: boolean }) {
  const [showAll, setShowAll] = useState(false);
  const visible = showAll ? members : members.slice(0, CHILD_PREVIEW);
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <span className="text-xs text-slate-500 dark:text-slate-400">
        {formatCount(members.length)} {members.length === 1 ? "member" : "members"}
      </span>
      <ul className={block ? "flex flex-col gap-1" : "flex flex-wrap gap-1"}>
        {visible.map((member, index) => (
          // Set members are unique in DynamoDB, but the index is stable here and cannot collide.
          <li key={index} className="max-w-full rounded border border-slate-200 bg-slate-50 px-1.5 dark:border-slate-800 dark:bg-slate-950">
            {render(member)}
          </li>
        ))}
      </ul>
      {visible.length < members.length ? (
        <MoreButton hidden={members.length - visible.length} noun="members" onClick={() => setShowAll(true)} />
      ) : null}
    </div>
  );
}

function MoreButton({ hidden, noun, onClick }: { hidden: number; noun: string; onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} className="self-start rounded px-1 text-xs text-sky-700 hover:underline dark:text-sky-400">
      Show {formatCount(hidden)} more {noun}
    </button>
  );
}

type Child = { key: string; label: ReactNode; value: WireValue };

function childrenOf(value: { M: Record<string, WireValue> } | { L: WireValue[] }): Child[] {
  if ("L" in value) return value.L.map((child, index) => ({ key: String(index), label: <IndexLabel index={index} />, value: child }));
  return Object.entries(value.M).map(([name, child]) => ({ key: name, label: <NameLabel name={name} />, value: child }));
}

function ContainerNode({ value, label, depth }: { value: { M: Record<string, WireValue> } | { L: WireValue[] }; label: ReactNode; depth: number }) {
  const [expanded, setExpanded] = useState(() => isExpandedByDefault(depth));
  const [showAll, setShowAll] = useState(false);
  const listId = useId();
  const children = childrenOf(value);
  const type = typeLabel(value);
  const count = <span className="text-xs text-slate-500 dark:text-slate-400">{childCountLabel(value)}</span>;

  if (children.length === 0) {
    return (
      <div className="flex min-w-0 items-baseline gap-2 py-0.5">
        <span aria-hidden className="w-3 shrink-0" />
        {label !== undefined ? <NodeLabel>{label}</NodeLabel> : null}
        <TypeBadge type={type} />
        {count}
      </div>
    );
  }

  const visible = showAll ? children : children.slice(0, CHILD_PREVIEW);
  return (
    <div className="min-w-0">
      <button
        type="button"
        aria-expanded={expanded}
        aria-controls={listId}
        onClick={() => setExpanded((open) => !open)}
        className="-mx-1 flex w-[calc(100%+0.5rem)] min-w-0 items-baseline gap-2 rounded px-1 py-0.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800/70"
      >
        <Chevron open={expanded} />
        {label !== undefined ? <NodeLabel>{label}</NodeLabel> : null}
        <TypeBadge type={type} />
        {count}
      </button>
      <ul id={listId} hidden={!expanded} className="ml-1.5 border-l border-slate-200 pl-3 dark:border-slate-700">
        {expanded
          ? visible.map((child) => (
              <li key={child.key}>
                <AttributeValueView value={child.value} label={child.label} depth={depth + 1} />
              </li>
            ))
          : null}
        {expanded && visible.length < children.length ? (
          <li>
            <MoreButton hidden={children.length - visible.length} noun={type === "M" ? "keys" : "items"} onClick={() => setShowAll(true)} />
          </li>
        ) : null}
      </ul>
    </div>
  );
}

function Chevron({ open }: { open: boolean }) {
  // A fixed-size box keeps rows aligned whether or not a node can be expanded.
  return (
    <svg aria-hidden viewBox="0 0 12 12" className={`mt-1 h-3 w-3 shrink-0 self-start text-slate-400 transition-transform ${open ? "rotate-90" : ""}`}>
      <path d="M4 2.5 7.5 6 4 9.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** A value the server withheld from a viewer: its type is known, its content never reached the browser. */
function RedactedValueView({ type, digest }: { type: string; digest: string | undefined }) {
  return (
    <span className="text-xs text-slate-500 italic dark:text-slate-400" data-redacted={type}>
      {digest ? <span className="font-mono not-italic">{digest}</span> : "redacted"}
      {` (hidden ${type} value)`}
    </span>
  );
}
