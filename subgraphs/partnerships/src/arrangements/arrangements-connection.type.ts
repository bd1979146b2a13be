import { AgencyReference, connectionOf } from '@safeguarding/shared';
import { PublishedArrangements, SchoolReference } from './arrangements.entity';

export const PublishedArrangementsConnection = connectionOf<PublishedArrangements>(
  () => PublishedArrangements,
  'PublishedArrangements',
  'A page of published versions of the arrangements, newest first; totalCount is counted only when asked for',
);

// Own names: `AgencyConnection` and `SchoolConnection` belong to the agencies and schools subgraphs.
export const ArrangementsAgencyConnection = connectionOf<AgencyReference>(
  () => AgencyReference,
  'ArrangementsAgency',
  'A page of the agencies named in a version of the arrangements, by id; totalCount is counted only when asked for',
  { nullableNodes: true },
);
export const ArrangementsSchoolConnection = connectionOf<SchoolReference>(
  () => SchoolReference,
  'ArrangementsSchool',
  'A page of the schools named in a version of the arrangements, by URN; totalCount is counted only when asked for',
  { nullableNodes: true },
);
