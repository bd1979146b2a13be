import { connectionOf } from '@safeguarding/shared';
import { NationalEscalation } from './national-escalation.entity';

export const NationalEscalationConnection = connectionOf<NationalEscalation>(
  () => NationalEscalation,
  'NationalEscalation',
  'A page of national escalations, newest first; totalCount is counted only when asked for',
);
