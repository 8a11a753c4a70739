import Link from "next/link";
import type { ReactNode } from "react";
import { Hint } from "@/components/ui/hint";
import { GLOSSARY, glossaryHref, type GlossaryTermId } from "@/lib/glossary/glossary-terms";

/**
 * A "?" beside a metric or label: a plain-language explanation and a link to the term's glossary entry. The text is
 * the glossary's summary unless `children` says something more specific to where the hint sits.
 */
export function TermHint({ term, label, children }: { term: GlossaryTermId; label?: string; children?: ReactNode }) {
  const entry = GLOSSARY[term];
  return (
    <Hint label={label ?? `What “${entry.term}” means`}>
      <span data-glossary-term={term}>{children ?? entry.summary}</span>{" "}
      <Link href={glossaryHref(term)} className="font-medium whitespace-nowrap text-sky-300 underline hover:text-sky-200">
        More in the glossary
      </Link>
    </Hint>
  );
}
