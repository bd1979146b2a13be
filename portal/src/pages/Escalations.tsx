import { Deadline, formatDate } from '../components/Deadline';
import { PagedTable, pageSize, usePager } from '../components/Paged';
import { todayInLondon } from '../dates';
import { PortalEscalationReportDocument, PortalEscalationsDocument } from '../generated/graphql';
import { allPages } from '../graph';
import { useGraph, useRequest } from '../useGraph';
import { Failed, Loading } from './states';

/** Reading the partnership's disagreements as its staff is a stated, audited purpose. */
export const accessReason = 'Partnership portal: oversight of escalations';

interface Count {
  readonly count: number | null;
  readonly suppressed: boolean;
}

const shown = (count: Count) => (count.suppressed ? 'fewer than 5 (suppressed)' : String(count.count ?? 0));

const days = (value: number | null) => (value === null ? '—' : `${value} working days`);

interface PageProps {
  readonly gatewayUrl: string;
  readonly token: string;
  readonly partnershipId: string;
}

function OpenDisagreements(props: PageProps) {
  // No status filter on the list: read it whole, a bounded page at a time, and keep the open ones
  // (50 a page: a disagreement with its stage deadline costs more than the limit allows 100 of).
  const loaded = useRequest(JSON.stringify(['PortalEscalations', props]), () =>
    allPages(
      props.gatewayUrl,
      props.token,
      PortalEscalationsDocument,
      { id: props.partnershipId, reason: accessReason, first: 50 },
      (data) => data.partnership?.escalations,
    ),
  );
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <Failed message={loaded.message} />;
  const escalations = loaded.answer.data;
  if (!escalations) return null;
  const open = escalations
    .filter((e) => e.status === 'OPEN')
    .sort((a, b) => a.stagePosition - b.stagePosition || a.stageDeadline.due.localeCompare(b.stageDeadline.due));
  return (
    <section aria-labelledby="open">
      <h2 id="open">Open disagreements by stage</h2>
      <PagedTable
        caption="Open professional disagreements"
        rows={open}
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
  );
}

function Report(props: PageProps & { from: string; to: string }) {
  const learningPager = usePager();
  const loaded = useGraph(props.gatewayUrl, props.token, PortalEscalationReportDocument, {
    id: props.partnershipId,
    from: props.from,
    to: props.to,
    first: pageSize,
    learningAfter: learningPager.after,
  });
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <Failed message={loaded.message} />;
  const report = loaded.answer.data?.partnership?.escalationReport;
  const learning = loaded.answer.data?.partnership?.escalationLearningNotes;
  return (
    <>
      {report ? (
        <section aria-labelledby="report">
          <h2 id="report">
            The last twelve months ({formatDate(props.from)} to {formatDate(props.to)})
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
            <dd>{days(report.timeToResolve.medianWorkingDays)}</dd>
            <dt>Mean time to resolve</dt>
            <dd>{days(report.timeToResolve.meanWorkingDays)}</dd>
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
      {learning ? (
        <section aria-labelledby="learning">
          <h2 id="learning">Learning</h2>
          <PagedTable
            caption="Learning from disagreements, for the yearly report"
            rows={learning.nodes}
            connection={{ totalCount: learning.totalCount, pageInfo: learning.pageInfo, pager: learningPager }}
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

export function Escalations(props: PageProps & { partnershipName: string }) {
  const today = todayInLondon();
  const from = `${String(Number(today.slice(0, 4)) - 1)}${today.slice(4)}`;
  const page = { gatewayUrl: props.gatewayUrl, token: props.token, partnershipId: props.partnershipId };
  return (
    <>
      <h1>{props.partnershipName}: escalations</h1>
      <OpenDisagreements {...page} />
      <Report {...page} from={from} to={today} />
    </>
  );
}
