import { connectionOf } from '@safeguarding/shared';
import { Designation } from './designation.entity';

export const DesignationConnection = connectionOf<Designation>(
  () => Designation,
  'Designation',
  'A page of designations, the latest first; totalCount is counted only when asked for',
);
