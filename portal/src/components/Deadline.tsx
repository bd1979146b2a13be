/** A statutory clock as the graph computes it: the date, its rule, and whether it was missed. */
export interface DeadlineValue {
  readonly due: string;
  readonly rule: string;
  readonly basis?: string;
  readonly status: string;
  readonly provisional?: boolean;
  readonly completedOn?: string | null;
}

const statusText: Record<string, string> = {
  OVERDUE: 'Overdue',
  DUE_SOON: 'Due soon',
  PENDING: 'Pending',
  MET: 'Met on time',
  MET_LATE: 'Met late',
  MISSED: 'Missed',
};

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  // A missing part makes an invalid date, as Date.UTC does with NaN.
  const [year = NaN, month = NaN, day] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function Deadline({ deadline }: { deadline: DeadlineValue | null | undefined }) {
  if (!deadline) return <span>—</span>;
  return (
    <span className="deadline">
      <time dateTime={deadline.due}>{formatDate(deadline.due)}</time>{' '}
      <span className={`status status-${deadline.status.toLowerCase()}`}>
        {statusText[deadline.status] ?? deadline.status}
      </span>
      {deadline.provisional ? <span className="provisional"> (provisional)</span> : null}
      <span className="rule">{deadline.rule}</span>
    </span>
  );
}
