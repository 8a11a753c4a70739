"use client";

import { useId, useMemo, useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { Badge } from "@/components/ui/status-badge";
import { toDynamoDbJson } from "@/lib/dynamo/dynamodb-json";
import { toPlainJson } from "@/lib/dynamo/plain-json";
import type { WireItem } from "@/lib/dynamo/wire-value";
import { keyRole, orderAttributeNames, type KeyAttributes } from "./attribute-labels";
import { AttributeValueView, NameLabel } from "./attribute-value-view";
import { ViewTabs, type ViewTab } from "./view-tabs";

type ItemViewMode = "tree" | "dynamodb" | "plain";

const TABS: readonly ViewTab<ItemViewMode>[] = [
  { id: "tree", label: "Tree" },
  { id: "dynamodb", label: "DynamoDB JSON" },
  { id: "plain", label: "Plain JSON" },
];

export type ItemViewProps = { item: WireItem; keyAttributes: KeyAttributes };

/** One item: a typed tree with the key attributes first, or its exact DynamoDB / plain JSON text to copy. */
export function ItemView({ item, keyAttributes }: ItemViewProps) {
  const [mode, setMode] = useState<ItemViewMode>("tree");
  const idPrefix = useId();

  return (
    <div className="space-y-3 text-sm">
      <ViewTabs tabs={TABS} selected={mode} onSelect={setMode} idPrefix={idPrefix} label="Item format" />
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${mode}`}>
        {mode === "tree" ? <ItemTree item={item} keyAttributes={keyAttributes} /> : <ItemJson item={item} mode={mode} />}
      </div>
    </div>
  );
}

function ItemTree({ item, keyAttributes }: ItemViewProps) {
  const names = useMemo(() => orderAttributeNames(item, keyAttributes), [item, keyAttributes]);
  if (names.length === 0) return <p className="text-slate-500 italic dark:text-slate-400">This item has no attributes.</p>;
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800/70" aria-label="Attributes">
      {names.map((name) => {
        const value = item[name];
        // orderAttributeNames only returns the item's own keys; the check satisfies noUncheckedIndexedAccess.
        if (value === undefined) return null;
        const role = keyRole(name, keyAttributes);
        return (
          <li key={name} className="py-1">
            <AttributeValueView
              value={value}
              label={
                <>
                  <NameLabel name={name} />
                  {role !== null ? <Badge tone="neutral">{role}</Badge> : null}
                </>
              }
            />
          </li>
        );
      })}
    </ul>
  );
}

function ItemJson({ item, mode }: { item: WireItem; mode: Exclude<ItemViewMode, "tree"> }) {
  // Only the visible form is serialised; both keep N as the exact digit string.
  const text = useMemo(() => (mode === "dynamodb" ? toDynamoDbJson(item, 2) : toPlainJson(item, 2)), [item, mode]);
  const name = mode === "dynamodb" ? "DynamoDB JSON" : "plain JSON";
  return (
    <div className="overflow-hidden rounded-md border border-slate-200 dark:border-slate-800">
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-400">
        <span>
          {mode === "dynamodb"
            ? "Typed AttributeValue JSON, as the DynamoDB API and CLI use it."
            : "Untyped JSON; numbers keep every digit, binary is base64, sets become arrays."}
        </span>
        <CopyButton text={text} label={`Copy ${name}`} />
      </div>
      <pre className="overflow-x-auto bg-white p-3 font-mono text-xs leading-relaxed text-slate-800 dark:bg-slate-900 dark:text-slate-200">
        {text}
      </pre>
    </div>
  );
}
