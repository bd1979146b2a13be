import { BarChart } from '../components/BarChart';
import { Deadline, formatDate } from '../components/Deadline';
import { PagedTable, pageSize, usePager } from '../components/Paged';
import { financialYearContaining, todayInLondon, weekOf } from '../dates';
import {
  PortalObligationsByWeekDocument,
  PortalOverdueDocument,
  PortalOverviewEducationDocument,
  PortalOverviewHeaderDocument,
  PortalOverviewSchoolsDocument,
  PortalOverviewSection11Document,
  PortalOverviewSection175Document,
  PortalOverviewYearlyDocument,
  type DeadlineStatus,
  type PortalObligationsByWeekQuery,
  type PortalOverdueQuery,
} from '../generated/graphql';
import { allPages } from '../graph';
import { useGraph, useRequest } from '../useGraph';
import { Failed, Loading, Restricted } from './states';

const statuses: readonly { key: DeadlineStatus; label: string; colour: string }[] = [
  { key: 'OVERDUE', label: 'Overdue', colour: '#b10e1e' },
  { key: 'DUE_TODAY', label: 'Due today', colour: '#8a4b00' },
  { key: 'PENDING', label: 'Pending', colour: '#1d70b8' },
];

type Obligation = NonNullable<NonNullable<PortalObligationsByWeekQuery['partnership']>['whatIsDue']>['nodes'][number];
type OverdueAnswer = NonNullable<PortalOverdueQuery['partnership']>;
type Overdue = NonNullable<OverdueAnswer['whatIsDue']>['nodes'][number];

/** `PracticeReview` → "practice review", `SECTION_11_RETURN` → "section 11 return", for a table cell. */
function humanise(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

function obligationsByWeek(items: readonly Obligation[]) {
  const weeks = [...new Set(items.map((item) => weekOf(item.deadline.due)))].sort();
  const values = weeks.map((week) =>
    statuses.map(
      (status) =>
        items.filter((item) => weekOf(item.deadline.due) === week && item.deadline.status === status.key).length,
    ),
  );
  return { periods: weeks.map((week) => `w/c ${formatDate(week)}`), values };
}

type NamedOrganisation = NonNullable<Overdue['owedToOrganisation']>;

/** An organisation by the name its own service gives; its id where that service gave none (it is down, say). */
function organisationName(id: string, organisation: NamedOrganisation | null): string {
  return organisation?.name ?? `organisation ${id}`;
}

/** Who owes it: the partnership for a partnership's duty, else the owing agency or school. */
function ownerOf(item: Overdue): string {
  if (item.owner.partnership) return item.owner.partnership.name;
  return item.owner.organisationId ? organisationName(item.owner.organisationId, item.owner.organisation) : '—';
}

/** To whom: a kind of body (NATIONAL_PANEL), humanised, or the organisation the graph names. */
function owedToOf(item: Overdue): string {
  return item.owedToOrganisation ? organisationName(item.owedTo, item.owedToOrganisation) : humanise(item.owedTo);
}

function Ratings({
  caption,
  ratings,
}: {
  caption: string;
  ratings: readonly { standardKey: string; title: string; red: number; amber: number; green: number }[];
}) {
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

function ObligationsChart(props: SectionProps) {
  // The chart counts every open obligation, so it reads the whole list, a bounded page at a time.
  const loaded = useRequest(JSON.stringify(['PortalObligationsByWeek', props]), () =>
    allPages(
      props.gatewayUrl,
      props.token,
      PortalObligationsByWeekDocument,
      { id: props.partnershipId, first: 100 },
      (data) => data.partnership?.whatIsDue,
    ),
  );
  if (loaded.state !== 'ready') return loaded.state === 'loading' ? <Loading /> : null;
  const due = loaded.answer.data;
  if (!due || due.length === 0) return null;
  const chart = obligationsByWeek(due);
  return (
    <BarChart title="Obligations by week and status" periods={chart.periods} series={statuses} values={chart.values} />
  );
}

function WhatIsDue(props: SectionProps) {
  const pager = usePager();
  const loaded = useGraph(props.gatewayUrl, props.token, PortalOverdueDocument, {
    id: props.partnershipId,
    first: pageSize,
    after: pager.after,
  });
  if (loaded.state !== 'ready') return loaded.state === 'loading' ? <Loading /> : null;
  const partnership = loaded.answer.data?.partnership;
  const overdue = partnership?.whatIsDue;
  // Null to a caller who may not read the partnership's duties: the section is not there at all.
  if (!partnership || !overdue) return null;
  return (
    <section aria-labelledby="due">
      <h2 id="due">What is due</h2>
      <ObligationsChart {...props} />
      <PagedTable
        caption="Overdue obligations"
        rows={overdue.nodes}
        connection={{ totalCount: overdue.totalCount, pageInfo: overdue.pageInfo, pager }}
        rowKey={(item) => item.id}
        empty="Nothing is overdue."
        columns={[
          { header: 'What', cell: (item) => humanise(item.kind) },
          {
            header: 'About',
            cell: (item) =>
              humanise(item.about.__typename === 'OtherObligationSubject' ? item.about.type : item.about.__typename),
          },
          { header: 'Owed by', cell: (item) => ownerOf(item) },
          { header: 'Owed to', cell: (item) => owedToOf(item) },
          { header: 'Deadline and rule', cell: (item) => <Deadline deadline={item.deadline} /> },
        ]}
      />
    </section>
  );
}

function YearlyReports(props: SectionProps) {
  const pager = usePager();
  const loaded = useGraph(props.gatewayUrl, props.token, PortalOverviewYearlyDocument, {
    id: props.partnershipId,
    first: pageSize,
    after: pager.after,
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
        connection={{ totalCount: reports.totalCount, pageInfo: reports.pageInfo, pager }}
        rowKey={(r) => r.id}
        empty="No yearly report is recorded."
        columns={[
          { header: 'Year', cell: (r) => r.financialYear },
          {
            header: 'Status',
            cell: (r) => (
              <>
                {humanise(r.status)}
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
  const loaded = useGraph(props.gatewayUrl, props.token, PortalOverviewEducationDocument, { id: props.partnershipId });
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
  const withoutDslPager = usePager();
  const trainingPager = usePager();
  const loaded = useGraph(props.gatewayUrl, props.token, PortalOverviewSchoolsDocument, {
    id: props.partnershipId,
    first: pageSize,
    withoutDslAfter: withoutDslPager.after,
    trainingOverdueAfter: trainingPager.after,
  });
  if (loaded.state !== 'ready') return loaded.state === 'loading' ? <Loading /> : null;
  const partnership = loaded.answer.data?.partnership;
  if (!partnership?.withoutDsl && !partnership?.trainingOverdue) return null;
  const { withoutDsl, trainingOverdue } = partnership;
  return (
    <section aria-labelledby="schools">
      <h2 id="schools">Schools</h2>
      {withoutDsl ? (
        <PagedTable
          caption="Schools with no designated safeguarding lead"
          rows={withoutDsl.nodes}
          connection={{ totalCount: withoutDsl.totalCount, pageInfo: withoutDsl.pageInfo, pager: withoutDslPager }}
          rowKey={(s) => s.urn}
          empty="Every designated school has a DSL."
          columns={[
            { header: 'URN', cell: (s) => s.urn },
            { header: 'School', cell: (s) => s.name },
          ]}
        />
      ) : null}
      {trainingOverdue ? (
        <PagedTable
          caption="Schools whose DSL training is overdue (KCSIE: at least every two years)"
          rows={trainingOverdue.nodes}
          connection={{
            totalCount: trainingOverdue.totalCount,
            pageInfo: trainingOverdue.pageInfo,
            pager: trainingPager,
          }}
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
  const notReturnedPager = usePager();
  const actionsPager = usePager();
  const loaded = useGraph(props.gatewayUrl, props.token, PortalOverviewSection11Document, {
    id: props.partnershipId,
    financialYear: props.financialYear,
    first: pageSize,
    notReturnedAfter: notReturnedPager.after,
    overdueActionsAfter: actionsPager.after,
  });
  if (loaded.state !== 'ready') return loaded.state === 'loading' ? <Loading /> : null;
  const overview = loaded.answer.data?.partnership?.section11Overview;
  if (!overview) return null;
  const { notReturned, overdueActions } = overview;
  return (
    <section aria-labelledby="s11">
      <h2 id="s11">Section 11 ({overview.financialYear})</h2>
      <PagedTable
        caption="Agencies that have not returned"
        rows={notReturned.nodes}
        connection={{ totalCount: notReturned.totalCount, pageInfo: notReturned.pageInfo, pager: notReturnedPager }}
        rowKey={(a) => a.id}
        empty="Every agency has returned."
        columns={[{ header: 'Agency', cell: (a) => a.name }]}
      />
      <Ratings caption="Section 11 ratings across agencies" ratings={overview.ratings} />
      <PagedTable
        caption="Overdue section 11 actions"
        rows={overdueActions.nodes}
        connection={{ totalCount: overdueActions.totalCount, pageInfo: overdueActions.pageInfo, pager: actionsPager }}
        rowKey={(a) => a.id}
        empty="No section 11 action is overdue."
        columns={[
          { header: 'Agency', cell: (a) => a.agency?.name ?? '—' },
          { header: 'Action', cell: (a) => a.description },
          { header: 'Owner', cell: (a) => a.owner },
          { header: 'Deadline and rule', cell: (a) => <Deadline deadline={a.deadline} /> },
        ]}
      />
    </section>
  );
}

function Section175(props: SectionProps & { financialYear: string }) {
  const notReturnedPager = usePager();
  const actionsPager = usePager();
  const loaded = useGraph(props.gatewayUrl, props.token, PortalOverviewSection175Document, {
    id: props.partnershipId,
    financialYear: props.financialYear,
    first: pageSize,
    notReturnedAfter: notReturnedPager.after,
    overdueActionsAfter: actionsPager.after,
  });
  if (loaded.state !== 'ready') return loaded.state === 'loading' ? <Loading /> : null;
  const overview = loaded.answer.data?.partnership?.schoolSafeguardingOverview;
  if (!overview) return null;
  const { notReturned, overdueActions } = overview;
  return (
    <section aria-labelledby="s175">
      <h2 id="s175">Section 175/157 ({overview.financialYear})</h2>
      <PagedTable
        caption="Schools that have not returned"
        rows={notReturned.nodes}
        connection={{ totalCount: notReturned.totalCount, pageInfo: notReturned.pageInfo, pager: notReturnedPager }}
        rowKey={(s) => s.urn}
        empty="Every school has returned."
        columns={[{ header: 'School', cell: (s) => s.name }]}
      />
      <Ratings caption="Section 175/157 ratings across schools" ratings={overview.ratings} />
      <PagedTable
        caption="Overdue school safeguarding actions"
        rows={overdueActions.nodes}
        connection={{ totalCount: overdueActions.totalCount, pageInfo: overdueActions.pageInfo, pager: actionsPager }}
        rowKey={(a) => a.id}
        empty="No school safeguarding action is overdue."
        columns={[
          { header: 'School', cell: (a) => a.school?.name ?? '—' },
          { header: 'Action', cell: (a) => a.description },
          { header: 'Owner', cell: (a) => a.owner },
          { header: 'Deadline and rule', cell: (a) => <Deadline deadline={a.deadline} /> },
        ]}
      />
    </section>
  );
}

export function Overview(props: SectionProps & { partnershipName: string }) {
  const today = todayInLondon();
  const financialYear = financialYearContaining(today);
  const loaded = useGraph(props.gatewayUrl, props.token, PortalOverviewHeaderDocument, { id: props.partnershipId });
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
  const sections = { gatewayUrl: props.gatewayUrl, token: props.token, partnershipId: props.partnershipId };
  return (
    <>
      {heading}
      <p className="lede">
        Status {partnership.status.toLowerCase()}
        {partnership.activeFrom ? `, in force since ${formatDate(partnership.activeFrom)}` : ''}. As of{' '}
        {formatDate(today)}.
      </p>
      <WhatIsDue {...sections} />
      <YearlyReports {...sections} />
      <Education {...sections} />
      <Schools {...sections} />
      <Section11 {...sections} financialYear={financialYear} />
      <Section175 {...sections} financialYear={financialYear} />
    </>
  );
}
