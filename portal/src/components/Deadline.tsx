import type { DeadlineStatus } from '../generated/graphql';

/** A statutory clock as the graph computes it: the date, its rule, and whether it was missed. */
export interface DeadlineValue {
  readonly due: string;
  readonly rule: string;
  readonly basis: string;
  readonly status: DeadlineStatus;
  readonly provisional: boolean;
  readonly completedOn: string | null;
}

// Every status the schema has: a new one fails the build until it has its words here.
const statusText: Record<DeadlineStatus, string> = {
  OVERDUE: 'Overdue',
  DUE_TODAY: 'Due today',
  PENDING: 'Pending',
  MET: 'Met on time',
  MISSED: 'Missed',
};

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  // A Date scalar is a calendar day: read as midnight UTC and shown in UTC, it never shifts a day.
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', {
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
      <span className={`status status-${deadline.status.toLowerCase()}`}>{statusText[deadline.status]}</span>
      {deadline.provisional ? <span className="provisional"> (provisional)</span> : null}
      <span className="rule">{deadline.rule}</span>
    </span>
  );
}
