import Link from "next/link";
import { DataTable } from "./data-table";
import type { ChartTable } from "./stats-tables";

/** A titled stats section: the chart and its figures as a table, or a sentence saying what will appear once there is data; `help` links to its explanation. */
export function ChartCard({
  title,
  caption,
  empty,
  emptyText,
  wide,
  testId,
  help,
  table,
  children,
}: {
  title: string;
  caption?: React.ReactNode;
  empty?: boolean;
  emptyText?: string;
  wide?: boolean;
  testId?: string;
  /** The Help page's section that explains this figure. */
  help?: string;
  table?: ChartTable;
  children: React.ReactNode;
}) {
  return (
    <section className={`card stats-card${wide ? " wide" : ""}`} data-testid={testId} aria-label={title}>
      <h2>{title}</h2>
      {(caption || help) && (
        <p className="muted small stats-caption">
          {caption}
          {help && (
            <>
              {" "}
              <Link href={`/help#${help}`} className="help-link" data-testid="stats-help">
                What does this mean?
              </Link>
            </>
          )}
        </p>
      )}
      {empty ? (
        <p className="stats-empty" data-testid="stats-empty">
          {emptyText}
        </p>
      ) : (
        <>
          {children}
          {table && <DataTable title={title} table={table} />}
        </>
      )}
    </section>
  );
}
