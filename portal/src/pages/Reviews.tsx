import { Deadline, formatDate } from '../components/Deadline';
import { PagedTable, pageSize, usePager } from '../components/Paged';
import { PortalReviewsDocument } from '../generated/graphql';
import { useGraph } from '../useGraph';
import { Failed, Loading, Restricted } from './states';

const words = (value: string) => value.replace(/_/g, ' ').toLowerCase();

export function Reviews({
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
  const incidentsPager = usePager();
  const rapidPager = usePager();
  const practicePager = usePager();
  const loaded = useGraph(gatewayUrl, token, PortalReviewsDocument, {
    id: partnershipId,
    first: pageSize,
    incidentsAfter: incidentsPager.after,
    rapidReviewsAfter: rapidPager.after,
    practiceReviewsAfter: practicePager.after,
  });
  const heading = <h1>{partnershipName}: reviews</h1>;
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
        <Restricted what="this partnership's reviews" />
      </>
    );
  const { seriousIncidentNotifications: incidents, rapidReviews, practiceReviews } = partnership;
  return (
    <>
      {heading}
      {incidents ? (
        <section aria-labelledby="incidents">
          <h2 id="incidents">Serious incident notifications</h2>
          <PagedTable
            caption="Notifications to the Panel (5 working days of becoming aware)"
            rows={incidents.nodes}
            connection={{ totalCount: incidents.totalCount, pageInfo: incidents.pageInfo, pager: incidentsPager }}
            rowKey={(n) => n.id}
            empty="No serious incident notification that you may see."
            columns={[
              { header: 'Case', cell: (n) => n.caseReference },
              { header: 'Aware', cell: (n) => formatDate(n.dateAware) },
              { header: 'Status', cell: (n) => words(n.status) },
              { header: 'Deadline and rule', cell: (n) => <Deadline deadline={n.notificationDeadline} /> },
            ]}
          />
        </section>
      ) : null}
      {rapidReviews ? (
        <section aria-labelledby="rapid">
          <h2 id="rapid">Rapid reviews</h2>
          <PagedTable
            caption="Rapid reviews (15 working days of the notification)"
            rows={rapidReviews.nodes}
            connection={{ totalCount: rapidReviews.totalCount, pageInfo: rapidReviews.pageInfo, pager: rapidPager }}
            rowKey={(r) => r.id}
            empty="No rapid review that you may see."
            columns={[
              { header: 'Opened', cell: (r) => formatDate(r.openedOn) },
              { header: 'Status', cell: (r) => words(r.status) },
              { header: 'Deadline and rule', cell: (r) => <Deadline deadline={r.deadline} /> },
            ]}
          />
        </section>
      ) : null}
      {practiceReviews ? (
        <section aria-labelledby="practice">
          <h2 id="practice">Practice reviews</h2>
          <PagedTable
            caption="Child safeguarding practice reviews"
            rows={practiceReviews.nodes}
            connection={{
              totalCount: practiceReviews.totalCount,
              pageInfo: practiceReviews.pageInfo,
              pager: practicePager,
            }}
            rowKey={(r) => r.id}
            empty="No practice review that you may see."
            columns={[
              { header: 'Review', cell: (r) => r.title },
              { header: 'Status', cell: (r) => words(r.status) },
              { header: 'Report to the Panel', cell: (r) => <Deadline deadline={r.reportToPanelDeadline} /> },
              { header: 'Publication', cell: (r) => <Deadline deadline={r.publicationDeadline} /> },
            ]}
          />
        </section>
      ) : null}
    </>
  );
}
