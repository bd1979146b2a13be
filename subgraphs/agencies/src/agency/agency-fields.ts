import { z } from 'zod';
import { isoDate, requiredText } from '@safeguarding/shared';
import { AgencySector, AgencyStatus, ScheduleCategory, ScheduleEntry, scheduleHeadingOf } from './agency.entity';

// Each identifier's format is stated in its message, so a rejected row tells the sender how to fix it.
export const odsCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{3,5}$/, 'must be an NHS ODS code: 3 to 5 letters and digits (e.g. RXH)');
export const companiesHouseNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^([A-Z]{2}\d{6}|\d{8})$/,
    'must be a Companies House number: 8 characters, 2 letters and 6 digits or 8 digits (e.g. SC123456, 01234567)',
  );
export const charityNumber = z
  .string()
  .trim()
  .regex(/^\d{6,8}$/, 'must be a charity number of England and Wales: 6 to 8 digits (e.g. 1123456)');
export const ofstedUrn = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(SC\d{6}|\d{6,7})$/, "must be an Ofsted URN: 'SC' and 6 digits, or 6 to 7 digits (e.g. SC123456)");

/** A blank CSV cell or a GraphQL null means "not given". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value),
    schema.optional(),
  );

const oneOf = <E extends Record<string, string>>(values: E, what: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
    z.enum(values, { error: `is not ${what} (one of ${Object.values(values).join(', ')})` }),
  );

/**
 * What a relevant agency's registration says, from the single mutation, the batch mutation or a
 * CSV row. Fields left out are "not given": on an update they leave the stored value alone.
 */
export const relevantAgencyFields = z
  .object({
    name: requiredText(200),
    scheduleCategory: optional(oneOf(ScheduleCategory, 'a heading of the Schedule to SI 2018/789')),
    scheduleEntry: optional(
      z.preprocess(
        (value) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
        z.enum(ScheduleEntry, { error: 'is not an entry of the Schedule to SI 2018/789 (see the ScheduleEntry enum)' }),
      ),
    ),
    sector: optional(oneOf(AgencySector, 'a sector')),
    odsCode: optional(odsCode),
    companiesHouseNumber: optional(companiesHouseNumber),
    charityNumber: optional(charityNumber),
    ofstedUrn: optional(ofstedUrn),
    status: optional(oneOf(AgencyStatus, 'a status')),
    openedOn: optional(isoDate),
    closedOn: optional(isoDate),
  })
  .transform((fields) => ({
    ...fields,
    // The entry implies its heading, so a sender may give the entry alone.
    scheduleCategory:
      fields.scheduleCategory ?? (fields.scheduleEntry ? scheduleHeadingOf[fields.scheduleEntry] : undefined),
  }));

export type RelevantAgencyFields = z.infer<typeof relevantAgencyFields>;

/** The rules between fields, checked on the record as it would be stored (after merging an update). */
export interface AgencyRecordProblem {
  readonly field: string;
  readonly message: string;
}

export function recordProblem(
  record: {
    scheduleCategory: ScheduleCategory | null;
    scheduleEntry: ScheduleEntry | null;
    status: AgencyStatus;
    openedOn: string | null;
    closedOn: string | null;
  },
  today: string,
): AgencyRecordProblem | null {
  if (!record.scheduleCategory) {
    return { field: 'scheduleCategory', message: 'must be given (or scheduleEntry, whose heading it is)' };
  }
  if (record.scheduleEntry && scheduleHeadingOf[record.scheduleEntry] !== record.scheduleCategory) {
    return {
      field: 'scheduleEntry',
      message: `${record.scheduleEntry} is an entry under ${scheduleHeadingOf[record.scheduleEntry]}, not ${record.scheduleCategory}`,
    };
  }
  // ISO dates compare correctly as strings.
  if (record.openedOn && record.closedOn && record.closedOn < record.openedOn) {
    return { field: 'closedOn', message: `must not be before openedOn (${record.openedOn})` };
  }
  // A closure is recorded once it has happened: a date to come would show the agency closed today.
  if (record.closedOn && record.closedOn > today)
    return { field: 'closedOn', message: `must not be in the future (today is ${today})` };
  if (record.status === AgencyStatus.CLOSED && !record.closedOn) {
    return { field: 'closedOn', message: 'must be given for a closed agency' };
  }
  return null;
}
