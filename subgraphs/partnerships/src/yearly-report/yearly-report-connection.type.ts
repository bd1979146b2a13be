import { connectionOf } from '@safeguarding/shared';
import { YearlyReport, YearlyReportCompliance } from './yearly-report.entity';

export const YearlyReportConnection = connectionOf<YearlyReport>(
  () => YearlyReport,
  'YearlyReport',
  'A page of yearly reports, newest year first; totalCount is counted only when asked for',
);
export const YearlyReportComplianceConnection = connectionOf<YearlyReportCompliance>(
  () => YearlyReportCompliance,
  'YearlyReportCompliance',
  'A page of yearly report obligations; totalCount is counted only when asked for',
);
