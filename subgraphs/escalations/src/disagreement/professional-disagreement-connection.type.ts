import { connectionOf } from '@safeguarding/shared';
import { ProfessionalDisagreement } from './professional-disagreement.entity';

export const ProfessionalDisagreementConnection = connectionOf<ProfessionalDisagreement>(
  () => ProfessionalDisagreement,
  'ProfessionalDisagreement',
  'A page of professional disagreements, most recently raised first; totalCount is counted only when asked for',
);
