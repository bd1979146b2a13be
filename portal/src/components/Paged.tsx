import { useState, type ReactNode } from 'react';

/**
 * A table shown a page at a time. Every list the portal shows is bounded: the graph answers a page
 * (a connection) and this shows it in pages of its own.
 */
export function PagedTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  pageSize = 10,
  empty,
  total,
}: {
  caption: string;
  columns: ReadonlyArray<{ readonly header: string; readonly cell: (row: T) => ReactNode }>;
  rows: readonly T[];
  rowKey: (row: T) => string;
  pageSize?: number;
  empty: string;
  /** How many there are in all, when the graph says and it is more than it sent. */
  total?: number;
}) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const shown = rows.slice(page * pageSize, page * pageSize + pageSize);
  if (rows.length === 0) return <p className="empty">{empty}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>
          {caption}
          {total !== undefined && total > rows.length ? ` (first ${rows.length} of ${total})` : ` (${rows.length})`}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.header}>{column.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav className="pager" aria-label={`${caption}: pages`}>
          <button type="button" onClick={() => setPage(page - 1)} disabled={page === 0}>
            Previous
          </button>
          <span aria-live="polite">
            Page {page + 1} of {pages}
          </span>
          <button type="button" onClick={() => setPage(page + 1)} disabled={page + 1 >= pages}>
            Next
          </button>
        </nav>
      ) : null}
    </div>
  );
}
