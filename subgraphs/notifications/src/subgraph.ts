import type { SubgraphDefinition } from '@safeguarding/shared';
import { DeadlinePreviewResolver } from './deadline-preview/deadline-preview.resolver';
import { EventIntake } from './event-intake/event-intake.service';
import { ReceivedEvent } from './event-intake/received-event.entity';
import { PartnershipWhatIsDueResolver } from './external/partnership.resolver';
import { PartnershipReference } from './external/partnership.type';
import { IndexedObligation } from './obligation-index/indexed-obligation.entity';
import { ObligationAudienceEntry } from './obligation-index/obligation-audience.entity';
import { ObligationConnectionResolver, WhatIsDueResolver } from './obligation-index/obligation-index.resolver';
import { obligationReference } from './obligation-index/obligation.reference';
import { Obligation } from './obligation-index/obligation.type';
import { migrations } from './migrations';

/**
 * The sixth service: what no domain subgraph should own. It reads no other service's tables; it
 * knows the others only by the events their outboxes relay (obligation.* and the domain events).
 */
export const notificationsSubgraph: SubgraphDefinition = {
  name: 'notifications',
  entities: [ReceivedEvent, IndexedObligation, ObligationAudienceEntry],
  migrations,
  resolvers: [WhatIsDueResolver, ObligationConnectionResolver, PartnershipWhatIsDueResolver, DeadlinePreviewResolver],
  orphanedTypes: [PartnershipReference, Obligation],
  references: {
    Obligation: obligationReference,
  },
  partnershipType: PartnershipReference,
  takeEvents: (runtime) => new EventIntake(runtime).handler(),
};
