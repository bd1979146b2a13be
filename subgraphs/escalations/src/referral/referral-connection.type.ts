import { connectionOf } from '@safeguarding/shared';
import { Referral } from './referral.entity';

export const ReferralConnection = connectionOf<Referral>(
  () => Referral,
  'Referral',
  'A page of referrals; totalCount is counted only when asked for',
);
