import { Deadline, formatDate } from '../components/Deadline';
import { PagedTable } from '../components/Paged';
import { todayInLondon } from '../dates';
import { escalationsQuery } from '../queries';
import type { Count, Escalations as EscalationsAnswer } from '../types';
import { useGraph } from '../useGraph';
import { Failed, Loading, Restricted } from './states';

/** Reading the partnership's disagreements as its staff is a stated, audited purpose. */
export const accessReason = 'Partnership portal: oversight of escalations';

const shown = (count: Count) => (count.suppressed ? 'fewer than 5 (suppressed)' : String(count.count ?? 0));

export function Escalations({
  gatewayUrl,
  token,
  partnershipId,
  partnershipName,
}: {
  gatewayUrl: string;
  token: string;
  partnershipId: string;
  partnershipName: string;
}) {
  const today = todayInLondon();
  const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const loaded = useGraph<EscalationsAnswer>(gatewayUrl, token, escalationsQuery, {
    id: partnershipId,
    reason: accessReason,
    from,
    to: today,
  });
  const heading = <h1>{partnershipName}: escalations</h1>;
  if (loaded.state === 'loading')
    return (
      <>
        {heading}
        <Loading />
      </>
    );
  if (loaded.state === 'failed')
    return (
      <>
        {heading}
        <Failed message={loaded.message} />
      </>
    );
  const partnership = loaded.answer.data?.partnership;
  if (!partnership)
    return (
      <>
        {heading}
        <Restricted what="this partnership's escalations" />
      </>
    );
  const open = (partnership.escalations?.nodes ?? []).filter((e) => e.status === 'OPEN');
  const report = partnership.escalationReport;
  return (
    <>
      {heading}
      {partnership.escalations ? (
        <section aria-labelledby="open">
          <h2 id="open">Open disagreements by stage</h2>
          <PagedTable
            caption="Open professional disagreements"
            rows={[...open].sort(
              (a, b) => a.stagePosition - b.stagePosition || a.stageDeadline.due.localeCompare(b.stageDeadline.due),
            )}
            rowKey={(e) => e.id}
            empty="No disagreement is open."
            columns={[
              { header: 'Case', cell: (e) => e.caseReference },
              { header: 'Stage', cell: (e) => `${e.stagePosition}. ${e.stageName}` },
              { header: 'Raised', cell: (e) => formatDate(e.raisedOn) },
              { header: 'Stage deadline and rule', cell: (e) => <Deadline deadline={e.stageDeadline} /> },
            ]}
          />
        </section>
      ) : null}
      {report ? (
        <section aria-labelledby="report">
          <h2 id="report">
            The last twelve months ({formatDate(from)} to {formatDate(today)})
          </h2>
          <dl className="figures">
            <dt>Raised</dt>
            <dd>{shown(report.raised)}</dd>
            <dt>Resolved</dt>
            <dd>{shown(report.resolved)}</dd>
            <dt>Open</dt>
            <dd>{shown(report.open)}</dd>
            <dt>Overdue</dt>
            <dd>{shown(report.overdue)}</dd>
            <dt>Median time to resolve</dt>
            <dd>
              {report.timeToResolve.medianWorkingDays === null
                ? '—'
                : `${report.timeToResolve.medianWorkingDays} working days`}
            </dd>
          </dl>
          <PagedTable
            caption="Open and overdue by stage"
            rows={report.openByStage}
            rowKey={(s) => String(s.stagePosition)}
            empty="No stage has open disagreements."
            columns={[
              { header: 'Stage', cell: (s) => `${s.stagePosition}. ${s.stageName}` },
              { header: 'Open', cell: (s) => shown(s.open) },
              { header: 'Overdue', cell: (s) => shown(s.overdue) },
            ]}
          />
        </section>
      ) : null}
      {partnership.escalationLearningNotes ? (
        <section aria-labelledby="learning">
          <h2 id="learning">Learning</h2>
          <PagedTable
            caption="Learning from disagreements, for the yearly report"
            rows={partnership.escalationLearningNotes.nodes}
            rowKey={(n) => n.id}
            empty="No learning has been recorded in the period."
            columns={[
              { header: 'Recorded', cell: (n) => formatDate(n.occurredOn) },
              { header: 'Learning', cell: (n) => n.outcome ?? n.reason ?? '—' },
            ]}
          />
        </section>
      ) : null}
    </>
  );
}
