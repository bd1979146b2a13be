import { PublishedArrangements } from './arrangements/arrangements.entity';
import { ArrangementsResolver, PartnershipArrangementsResolver } from './arrangements/arrangements.resolver';
import type { SubgraphDefinition } from '@safeguarding/shared';
import { loadDemoData } from './demo/demo-data';
import { migrations } from './migrations';
import {
  DelegatedSafeguardingPartner,
  Partnership,
  PartnershipArea,
  StatutoryPartner,
} from './partnership/partnership.entity';
import { PartnershipLifecycleResolver, StatutoryPartnerResolver } from './partnership/statutory-partner.resolver';
import { partnershipReference } from './partnership/partnership.reference';
import { announceUnannouncedPartnerships } from './partnership/partnership.events';
import { yearlyReportReference } from './yearly-report/yearly-report.reference';
import { PartnershipResolver } from './partnership/partnership.resolver';
import { ReferenceDataResolver } from './reference-data/reference-data.resolver';
import { YearlyReport } from './yearly-report/yearly-report.entity';
import { reconcileYearlyReportObligations } from './yearly-report/yearly-report.obligations';
import { PartnershipYearlyReportsResolver, YearlyReportResolver } from './yearly-report/yearly-report.resolver';

export const partnershipsSubgraph: SubgraphDefinition = {
  name: 'partnerships',
  entities: [
    Partnership,
    PartnershipArea,
    StatutoryPartner,
    DelegatedSafeguardingPartner,
    YearlyReport,
    PublishedArrangements,
  ],
  migrations,
  resolvers: [
    PartnershipResolver,
    PartnershipLifecycleResolver,
    StatutoryPartnerResolver,
    ReferenceDataResolver,
    YearlyReportResolver,
    PartnershipYearlyReportsResolver,
    ArrangementsResolver,
    PartnershipArrangementsResolver,
  ],
  references: { Partnership: partnershipReference, YearlyReport: yearlyReportReference },
  partnershipType: Partnership,
  loadDemoData,
  reconcileObligations: reconcileYearlyReportObligations,
  announceEvents: announceUnannouncedPartnerships,
};
