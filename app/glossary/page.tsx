import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { GLOSSARY, GLOSSARY_TERMS, type GlossaryTerm } from "@/lib/glossary/glossary-terms";

export const metadata: Metadata = { title: "Glossary" };

/** Every DynamoDB word the dashboard uses, in plain language. Each entry has an anchor, so tooltips can link to it. */
export default function GlossaryPage() {
  return (
    <div className="space-y-6">
      <Breadcrumbs crumbs={[{ label: "Tables", href: "/" }, { label: "Glossary" }]} />
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Glossary</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          The words this dashboard uses, explained for someone who has never used DynamoDB. Every “?” beside a figure
          links to its entry here.
        </p>
      </header>
      <nav aria-label="Terms" className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <ul className="grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
          {GLOSSARY_TERMS.map((entry) => (
            <li key={entry.id}>
              <a href={`#${entry.id}`} className="text-sky-700 hover:underline dark:text-sky-400">
                {entry.term}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="space-y-4">
        {GLOSSARY_TERMS.map((entry) => (
          <TermEntry key={entry.id} entry={entry} />
        ))}
      </div>
    </div>
  );
}

function TermEntry({ entry }: { entry: GlossaryTerm }) {
  return (
    <article
      id={entry.id}
      data-testid="glossary-entry"
      className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm target:border-sky-400 target:ring-2 target:ring-sky-200 dark:border-slate-800 dark:bg-slate-900 dark:target:ring-sky-900"
    >
      <h2 className="text-base font-semibold">{entry.term}</h2>
      {entry.aka.length > 0 ? <p className="text-xs text-slate-500">Also called: {entry.aka.join(", ")}</p> : null}
      <div className="mt-2 max-w-3xl space-y-2 text-sm leading-relaxed">
        <p className="font-medium">{entry.summary}</p>
        {entry.details.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        {entry.related.length > 0 ? (
          <p className="text-xs text-slate-500">
            See also:{" "}
            {entry.related.map((id, index) => (
              <span key={id}>
                {index > 0 ? ", " : null}
                <Link href={`#${id}`} className="text-sky-700 hover:underline dark:text-sky-400">
                  {GLOSSARY[id].term}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
      </div>
    </article>
  );
}
