import { connectionOf } from '@safeguarding/shared';
import { Partnership } from './partnership.entity';

export const PartnershipConnection = connectionOf<Partnership>(
  () => Partnership,
  'Partnership',
  'A page of partnerships by name then id; totalCount is counted only when asked for',
);
