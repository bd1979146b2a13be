import { useState, type ReactNode } from 'react';

/**
 * Every list the portal shows is bounded. A connection is shown a page at a time as the graph
 * answers it (`usePager` keeps the cursors); a short list the graph gives whole (ratings, stages)
 * is paged here.
 */
export const pageSize = 10;

export interface Pager {
  /** The cursor to ask for the current page with; null for the first. */
  readonly after: string | null;
  /** 0 for the first page. */
  readonly page: number;
  next(endCursor: string): void;
  previous(): void;
}

export function usePager(): Pager {
  // cursors[n] is the `after` of page n; the first page has none.
  const [cursors, setCursors] = useState<readonly (string | null)[]>([null]);
  const page = cursors.length - 1;
  return {
    after: cursors[page] ?? null,
    page,
    next: (endCursor) => setCursors([...cursors, endCursor]),
    previous: () => setCursors(cursors.length > 1 ? cursors.slice(0, -1) : cursors),
  };
}

interface PageInfo {
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

function PagerNav({
  caption,
  page,
  pages,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
}: {
  caption: string;
  page: number;
  pages: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pager" aria-label={`${caption}: pages`}>
      <button type="button" onClick={onPrevious} disabled={!hasPrevious}>
        Previous
      </button>
      <span aria-live="polite">
        Page {page + 1} of {pages}
      </span>
      <button type="button" onClick={onNext} disabled={!hasNext}>
        Next
      </button>
    </nav>
  );
}

export function PagedTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  connection,
}: {
  caption: string;
  columns: readonly { readonly header: string; readonly cell: (row: T) => ReactNode }[];
  /** The rows: the current page of a connection, or the whole of a short list. */
  rows: readonly T[];
  rowKey: (row: T) => string;
  empty: string;
  /** For a connection: how many in all, where this page ends, and the pager that reads the next. */
  connection?: { readonly totalCount: number; readonly pageInfo: PageInfo; readonly pager: Pager };
}) {
  const [localPage, setLocalPage] = useState(0);
  if (rows.length === 0 && (!connection || connection.pager.page === 0)) return <p className="empty">{empty}</p>;
  const total = connection ? connection.totalCount : rows.length;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const shown = connection ? rows : rows.slice(localPage * pageSize, localPage * pageSize + pageSize);
  const endCursor = connection?.pageInfo.endCursor;
  return (
    <div className="table-wrap">
      <table>
        <caption>
          {caption} ({total})
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
      {connection ? (
        <PagerNav
          caption={caption}
          page={connection.pager.page}
          pages={pages}
          hasPrevious={connection.pager.page > 0}
          hasNext={connection.pageInfo.hasNextPage && Boolean(endCursor)}
          onPrevious={() => connection.pager.previous()}
          onNext={() => {
            if (endCursor) connection.pager.next(endCursor);
          }}
        />
      ) : (
        <PagerNav
          caption={caption}
          page={localPage}
          pages={pages}
          hasPrevious={localPage > 0}
          hasNext={localPage + 1 < pages}
          onPrevious={() => setLocalPage(localPage - 1)}
          onNext={() => setLocalPage(localPage + 1)}
        />
      )}
    </div>
  );
}
