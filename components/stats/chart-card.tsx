/** A titled stats section: the chart, or a sentence saying what will appear once there is data. */
export function ChartCard({
  title,
  caption,
  empty,
  emptyText,
  wide,
  testId,
  children,
}: {
  title: string;
  caption?: React.ReactNode;
  empty?: boolean;
  emptyText?: string;
  wide?: boolean;
  testId?: string;
  children: React.ReactNode;
}) {
  return (
    <section className={`card stats-card${wide ? " wide" : ""}`} data-testid={testId} aria-label={title}>
      <h2>{title}</h2>
      {caption && <p className="muted small stats-caption">{caption}</p>}
      {empty ? (
        <p className="stats-empty" data-testid="stats-empty">
          {emptyText}
        </p>
      ) : (
        children
      )}
    </section>
  );
}
