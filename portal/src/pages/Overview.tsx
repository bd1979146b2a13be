import { BarChart } from '../components/BarChart';
import { Deadline, formatDate } from '../components/Deadline';
import { PagedTable } from '../components/Paged';
import { financialYearContaining, todayInLondon, weekOf } from '../dates';
import {
  overviewDueQuery,
  overviewEducationQuery,
  overviewHeaderQuery,
  overviewSchoolsQuery,
  overviewSection11Query,
  overviewSection175Query,
  overviewYearlyQuery,
} from '../queries';
import type { DueItem, OverviewPart, RatingSummary } from '../types';
import { useGraph } from '../useGraph';
import { Failed, Loading, Restricted } from './states';

const statuses = [
  { key: 'OVERDUE', label: 'Overdue', colour: '#b10e1e' },
  { key: 'DUE_SOON', label: 'Due soon', colour: '#8a4b00' },
  { key: 'PENDING', label: 'Pending', colour: '#1d70b8' },
] as const;

/** `PracticeReview` → "practice review", for a table cell. */
function humanise(typeName: string): string {
  return typeName.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function obligationsByWeek(items: readonly DueItem[]) {
  const weeks = [...new Set(items.map((item) => weekOf(item.deadline.due)))].sort();
  const values = weeks.map((week) =>
    statuses.map(
      (status) =>
        items.filter((item) => weekOf(item.deadline.due) === week && item.deadline.status === status.key).length,
    ),
  );
  return { periods: weeks.map((week) => `w/c ${formatDate(week)}`), values };
}

function Ratings({ caption, ratings }: { caption: string; ratings: readonly RatingSummary[] }) {
  return (
    <PagedTable
      caption={caption}
      rows={ratings}
      rowKey={(r) => r.standardKey}
      empty="No ratings yet"
      columns={[
        { header: 'Standard', cell: (r) => r.title },
        { header: 'Red', cell: (r) => r.red },
        { header: 'Amber', cell: (r) => r.amber },
        { header: 'Green', cell: (r) => r.green },
      ]}
    />
  );
}

interface SectionProps {
  readonly gatewayUrl: string;
  readonly token: string;
  readonly partnershipId: string;
}

function WhatIsDue(props: SectionProps) {
  const loaded = useGraph<OverviewPart<'whatIsDue'>>(props.gatewayUrl, props.token, overviewDueQuery, {
    id: props.partnershipId,
  });
  if (loaded.state !== 'ready') return loaded.state === 'loading' ? <Loading /> : null;
  const connection = loaded.answer.data?.partnership?.whatIsDue;
  if (!connection) return null;
  const due = connection.nodes;
  const chart = obligationsByWeek(due);
  const overdue = due.filter((item) => item.deadline.status === 'OVERDUE');
  return (
    <section aria-labelledby="due">
      <h2 id="due">What is due</h2>
      {due.length > 0 ? (
        <BarChart
          title="Obligations by week and status"
          periods={chart.periods}
          series={statuses}
          values={chart.values}
        />
      ) : null}
      <PagedTable
        caption="Overdue obligations"
        rows={overdue}
        rowKey={(item) => item.id}
        empty="Nothing is overdue."
        columns={[
          { header: 'What', cell: (item) => item.kind.replace(/_/g, ' ').toLowerCase() },
          { header: 'About', cell: (item) => humanise(item.about.type ?? item.about.__typename) },
          { header: 'Deadline and rule', cell: (item) => <Deadline deadline={item.deadline} /> },
        ]}
      />
    </section>
  );
}

function YearlyReports(props: SectionProps) {
  const loaded = useGraph<OverviewPart<'yearlyReports'>>(props.gatewayUrl, props.token, overviewYearlyQuery, {
    id: props.partnershipId,
  });
  if (loaded.state !== 'ready') return loaded.state === 'loading' ? <Loading /> : null;
  const reports = loaded.answer.data?.partnership?.yearlyReports;
  if (!reports) return null;
  return (
    <section aria-labelledby="yearly">
      <h2 id="yearly">Yearly report</h2>
      <PagedTable
        caption="Yearly reports and their clocks"
        rows={reports.nodes}
        total={reports.totalCount}
        rowKey={(r) => r.id}
        empty="No yearly report is recorded."
        columns={[
          { header: 'Year', cell: (r) => r.financialYear },
          {
            header: 'Status',
            cell: (r) => (
              <>
                {r.status.replace(/_/g, ' ').toLowerCase()}
                <ul className="reasons">
                  {r.statusReasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </>
            ),
          },
          { header: 'Published', cell: (r) => <Deadline deadline={r.publicationDeadline} /> },
          {
            header: 'Sent to the Panel',
            cell: (r) => (r.panelDeadline ? <Deadline deadline={r.panelDeadline} /> : formatDate(r.sentToPanelOn)),
          },
          {
            header: 'Sent to Foundations',
            cell: (r) =>
              r.foundationsDeadline ? <Deadline deadline={r.foundationsDeadline} /> : formatDate(r.sentToFoundationsOn),
          },
        ]}
      />
    </section>
  );
}

function Education(props: SectionProps) {
  const loaded = useGraph<OverviewPart<'educationRepresentatives'>>(
    props.gatewayUrl,
    props.token,
    overviewEducationQuery,
    { id: props.partnershipId },
  );
  if (loaded.state !== 'ready') return loaded.state === 'loading' ? <Loading /> : null;
  const representatives = loaded.answer.data?.partnership?.educationRepresentatives;
  if (!representatives) return null;
  return (
    <section aria-labelledby="education">
      <h2 id="education">Education representation</h2>
      <PagedTable
        caption="Who represents education"
        rows={representatives}
        rowKey={(r) => r.id}
        empty="Education is not represented: Working Together 2023 expects it at strategic level."
        columns={[
          { header: 'Level', cell: (r) => r.level.toLowerCase() },
          { header: 'Forum', cell: (r) => r.forum },
          { header: 'Name', cell: (r) => r.name },
          { header: 'Role', cell: (r) => r.role },
          { header: 'Represents', cell: (r) => r.represents },
        ]}
      />
    </section>
  );
}

function Schools(props: SectionProps) {
  const loaded = useGraph<OverviewPart<'withoutDsl' | 'trainingOverdue'>>(
    props.gatewayUrl,
    props.token,
    overviewSchoolsQuery,
    { id: props.partnershipId },
  );
  if (loaded.state !== 'ready') return loaded.state === 'loading' ? <Loading /> : null;
  const partnership = loaded.answer.data?.partnership;
  if (!partnership?.withoutDsl && !partnership?.trainingOverdue) return null;
  return (
    <section aria-labelledby="schools">
      <h2 id="schools">Schools</h2>
      {partnership.withoutDsl ? (
        <PagedTable
          caption="Schools with no designated safeguarding lead"
          rows={partnership.withoutDsl.nodes}
          total={partnership.withoutDsl.totalCount}
          rowKey={(s) => s.urn}
          empty="Every designated school has a DSL."
          columns={[
            { header: 'URN', cell: (s) => s.urn },
            { header: 'School', cell: (s) => s.name },
          ]}
        />
      ) : null}
      {partnership.trainingOverdue ? (
        <PagedTable
          caption="Schools whose DSL training is overdue (KCSIE: at least every two years)"
          rows={partnership.trainingOverdue.nodes}
          total={partnership.trainingOverdue.totalCount}
          rowKey={(s) => s.urn}
          empty="No DSL's training is overdue."
          columns={[
            { header: 'School', cell: (s) => s.name },
            {
              header: 'Training due',
              cell: (s) => (
                <ul className="plain">
                  {s.safeguardingLeads
                    .filter((l) => l.trainingOverdue)
                    .map((l) => (
                      <li key={l.id}>
                        {l.name}: <Deadline deadline={l.trainingDue} />
                      </li>
                    ))}
                </ul>
              ),
            },
          ]}
        />
      ) : null}
    </section>
  );
}

function Section11(props: SectionProps & { financialYear: string }) {
  const loaded = useGraph<OverviewPart<'section11Overview'>>(props.gatewayUrl, props.token, overviewSection11Query, {
    id: props.partnershipId,
    financialYear: props.financialYear,
  });
  if (loaded.state !== 'ready') return loaded.state === 'loading' ? <Loading /> : null;
  const overview = loaded.answer.data?.partnership?.section11Overview;
  if (!overview) return null;
  return (
    <section aria-labelledby="s11">
      <h2 id="s11">Section 11 ({overview.financialYear})</h2>
      <PagedTable
        caption="Agencies that have not returned"
        rows={overview.notReturned.nodes}
        total={overview.notReturned.totalCount}
        rowKey={(a) => a.id}
        empty="Every agency has returned."
        columns={[{ header: 'Agency', cell: (a) => a.name }]}
      />
      <Ratings caption="Section 11 ratings across agencies" ratings={overview.ratings} />
      <PagedTable
        caption="Overdue section 11 actions"
        rows={overview.overdueActions.nodes}
        total={overview.overdueActions.totalCount}
        rowKey={(a) => a.id}
        empty="No section 11 action is overdue."
        columns={[
          { header: 'Agency', cell: (a) => a.agency?.name ?? '—' },
          { header: 'Action', cell: (a) => a.description },
          { header: 'Deadline and rule', cell: (a) => <Deadline deadline={a.deadline} /> },
        ]}
      />
    </section>
  );
}

function Section175(props: SectionProps & { financialYear: string }) {
  const loaded = useGraph<OverviewPart<'schoolSafeguardingOverview'>>(
    props.gatewayUrl,
    props.token,
    overviewSection175Query,
    { id: props.partnershipId, financialYear: props.financialYear },
  );
  if (loaded.state !== 'ready') return loaded.state === 'loading' ? <Loading /> : null;
  const overview = loaded.answer.data?.partnership?.schoolSafeguardingOverview;
  if (!overview) return null;
  return (
    <section aria-labelledby="s175">
      <h2 id="s175">Section 175/157 ({overview.financialYear})</h2>
      <PagedTable
        caption="Schools that have not returned"
        rows={overview.notReturned.nodes}
        total={overview.notReturned.totalCount}
        rowKey={(s) => s.urn}
        empty="Every school has returned."
        columns={[{ header: 'School', cell: (s) => s.name }]}
      />
      <Ratings caption="Section 175/157 ratings across schools" ratings={overview.ratings} />
      <PagedTable
        caption="Overdue school safeguarding actions"
        rows={overview.overdueActions.nodes}
        total={overview.overdueActions.totalCount}
        rowKey={(a) => a.id}
        empty="No school safeguarding action is overdue."
        columns={[
          { header: 'School', cell: (a) => a.school?.name ?? '—' },
          { header: 'Action', cell: (a) => a.description },
          { header: 'Deadline and rule', cell: (a) => <Deadline deadline={a.deadline} /> },
        ]}
      />
    </section>
  );
}

export function Overview(props: SectionProps & { partnershipName: string }) {
  const today = todayInLondon();
  const financialYear = financialYearContaining(today);
  const loaded = useGraph<OverviewPart<'name' | 'status' | 'activeFrom'>>(
    props.gatewayUrl,
    props.token,
    overviewHeaderQuery,
    { id: props.partnershipId },
  );
  const heading = <h1>{props.partnershipName}: overview</h1>;
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
        <Restricted what="this partnership" />
      </>
    );
  return (
    <>
      {heading}
      <p className="lede">
        Status {partnership.status.toLowerCase()}
        {partnership.activeFrom ? `, in force since ${formatDate(partnership.activeFrom)}` : ''}. As of{' '}
        {formatDate(today)}.
      </p>
      <WhatIsDue {...props} />
      <YearlyReports {...props} />
      <Education {...props} />
      <Schools {...props} />
      <Section11 {...props} financialYear={financialYear} />
      <Section175 {...props} financialYear={financialYear} />
    </>
  );
}
