import { ScopedLink as Link } from "./scoped-link";

export type Crumb = { label: string; href?: string };

/** Tables / Shop / Items: every level but the last is a link. */
export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
      {crumbs.map((crumb, index) => (
        <span key={`${crumb.label}-${index}`}>
          {index > 0 ? <span aria-hidden> / </span> : null}
          {crumb.href ? (
            <Link href={crumb.href} className="hover:underline">
              {crumb.label}
            </Link>
          ) : (
            <span className="text-slate-900 dark:text-slate-100">{crumb.label}</span>
          )}
        </span>
      ))}
    </nav>
  );
}

export const tableCrumbs = (table: string, current?: string): Crumb[] => [
  { label: "Tables", href: "/" },
  current ? { label: table, href: `/tables/${encodeURIComponent(table)}` } : { label: table },
  ...(current ? [{ label: current }] : []),
];
