import { registerEnumType } from 'type-graphql';

/** Who owns a recommendation or an action: an agency, a school, or the partnership itself. */
export enum OwnerKind {
  AGENCY = 'AGENCY',
  SCHOOL = 'SCHOOL',
  PARTNERSHIP = 'PARTNERSHIP',
}
registerEnumType(OwnerKind, {
  name: 'ReviewOwnerKind',
  description: 'AGENCY (an Agency id), SCHOOL (a GIAS URN) or PARTNERSHIP (the partnership itself)',
});
