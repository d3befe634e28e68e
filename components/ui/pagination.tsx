import Link from "next/link";

/** Previous / next links over a server-paginated list; `href(page)` keeps the rest of the query. */
export function Pagination({ page, pageSize, total, href }: { page: number; pageSize: number; total: number; href: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="row pagination" aria-label="Pages">
      {page > 1 ? (
        <Link className="button" href={href(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className="button" aria-disabled="true">← Previous</span>
      )}
      <span className="muted small" aria-current="page">
        Page {page} of {pages.toLocaleString("en-US")}
      </span>
      {page < pages ? (
        <Link className="button" href={href(page + 1)} rel="next">
          Next →
        </Link>
      ) : (
        <span className="button" aria-disabled="true">Next →</span>
      )}
    </nav>
  );
}
