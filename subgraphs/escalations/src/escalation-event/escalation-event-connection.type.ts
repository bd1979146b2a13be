import { connectionOf } from '@safeguarding/shared';
import { EscalationEvent } from './escalation-event.entity';

export const EscalationEventConnection = connectionOf<EscalationEvent>(
  () => EscalationEvent,
  'EscalationEvent',
  'A page of escalation events, oldest first; totalCount is counted only when asked for',
);
