/**
 * Counts by category and period as stacked bars, drawn in SVG with the numbers as text beside
 * them and the same figures in a table, so the chart is readable without sight of colour.
 */
export interface BarSeries {
  readonly label: string;
  readonly colour: string;
}

export function BarChart({
  title,
  periods,
  series,
  values,
}: {
  title: string;
  periods: readonly string[];
  series: readonly BarSeries[];
  /** values[period][series] */
  values: ReadonlyArray<readonly number[]>;
}) {
  const totals = values.map((row) => row.reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const rowHeight = 26;
  const labelWidth = 120;
  const barWidth = 360;
  const height = periods.length * rowHeight + 10;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        role="img"
        aria-labelledby="chart-title"
        viewBox={`0 0 ${labelWidth + barWidth + 60} ${height}`}
        width="100%"
      >
        <title id="chart-title">{title}</title>
        {periods.map((period, i) => {
          let x = labelWidth;
          return (
            <g key={period} transform={`translate(0, ${i * rowHeight + 5})`}>
              <text x={0} y={16} className="chart-label">
                {period}
              </text>
              {series.map((s, j) => {
                const width = ((values[i]?.[j] ?? 0) / max) * barWidth;
                const rect = <rect key={s.label} x={x} y={2} width={width} height={18} fill={s.colour} />;
                x += width;
                return rect;
              })}
              <text x={x + 6} y={16} className="chart-value">
                {totals[i]}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="legend">
        {series.map((s) => (
          <li key={s.label}>
            <span className="swatch" style={{ background: s.colour }} aria-hidden="true" /> {s.label}
          </li>
        ))}
      </ul>
      <table className="chart-data">
        <caption>{title}: the figures</caption>
        <thead>
          <tr>
            <th scope="col">Week</th>
            {series.map((s) => (
              <th key={s.label} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {periods.map((period, i) => (
            <tr key={period}>
              <th scope="row">{period}</th>
              {series.map((s, j) => (
                <td key={s.label}>{values[i]?.[j] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
