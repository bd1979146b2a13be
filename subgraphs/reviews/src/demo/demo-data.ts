import { demoIds, nameBasedId, type SubgraphRuntime } from '@safeguarding/shared';
import { PracticeReview, PracticeReviewKind, PracticeReviewStatus } from '../practice-review/practice-review.entity';

/** Plainly fictional reviews of the pan-Sussex demo partnerships: one published, one in progress. */
export async function loadDemoData({ db, logger }: SubgraphRuntime): Promise<void> {
  const reviews: PracticeReview[] = [
    Object.assign(new PracticeReview(), {
      id: nameBasedId('demo:review:west-sussex-child-q'),
      partnershipId: demoIds.partnerships.westSussex,
      kind: PracticeReviewKind.LOCAL,
      title: 'Child Q (demo): learning about neglect and school absence',
      decisionDate: '2025-03-10',
      status: PracticeReviewStatus.PUBLISHED,
      publishedOn: '2025-09-01',
      publicationUrl: 'https://example.org/demo/lcspr-child-q',
    }),
    Object.assign(new PracticeReview(), {
      id: nameBasedId('demo:review:east-sussex-sibling-group-r'),
      partnershipId: demoIds.partnerships.eastSussex,
      kind: PracticeReviewKind.LOCAL,
      title: 'Sibling group R (demo)',
      decisionDate: '2026-08-14',
      status: PracticeReviewStatus.IN_PROGRESS,
      publishedOn: null,
      publicationUrl: null,
    }),
  ];
  await db.transaction(async (manager) => {
    for (const review of reviews) {
      if (await manager.existsBy(PracticeReview, { id: review.id })) continue;
      await manager.insert(PracticeReview, review);
      logger.info({ practiceReview: review.title }, 'demo practice review loaded');
    }
  });
}
