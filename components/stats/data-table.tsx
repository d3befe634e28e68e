import type { ChartTable } from "./stats-tables";

/** A chart's figures as a table, folded under the chart: what a screen reader reads instead of the picture. */
export function DataTable({ title, table }: { title: string; table: ChartTable }) {
  if (table.rows.length === 0) return null;
  return (
    <details className="chart-table" data-testid="chart-table">
      <summary>{title}: the figures as a table</summary>
      <div className="table-scroll">
        <table>
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={String(row[0])}>
                {row.map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell}</th> : <td key={i}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
