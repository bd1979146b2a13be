import { z } from 'zod';

/** A financial year runs 1 April to 31 March (DOMAIN.md §3, yearly report), written as the sector writes it: 2025-26. */
export interface FinancialYear {
  readonly start: number;
  readonly label: string;
  readonly startsOn: string;
  readonly endsOn: string;
}

export function financialYearStarting(start: number): FinancialYear {
  return {
    start,
    label: `${start}-${String((start + 1) % 100).padStart(2, '0')}`,
    startsOn: `${start}-04-01`,
    endsOn: `${start + 1}-03-31`,
  };
}

/** For a label already validated (financialYearLabel). */
export function financialYearOf(label: string): FinancialYear {
  return financialYearStarting(Number(label.slice(0, 4)));
}

export function parseFinancialYear(label: string): FinancialYear | null {
  const parsed = financialYearLabel.safeParse(label);
  return parsed.success ? financialYearOf(parsed.data) : null;
}

/** The label of the financial year a day falls in. */
export function financialYearContaining(day: string): string {
  const year = Number(day.slice(0, 4));
  return financialYearStarting(day.slice(5) >= '04-01' ? year : year - 1).label;
}

export const financialYearLabel = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}$/, 'must be a financial year written like 2025-26')
  .refine(
    (label) => (Number(label.slice(0, 4)) + 1) % 100 === Number(label.slice(5)),
    'must be two consecutive years, like 2025-26',
  );
