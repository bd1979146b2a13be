import { z } from 'zod';

/** A financial year runs 1 April to 31 March (DOMAIN.md §3, yearly report); labelled 2025-26. */
export interface FinancialYear {
  readonly label: string;
  readonly startsOn: string;
  readonly endsOn: string;
}

export function financialYearOf(label: string): FinancialYear {
  const start = Number(label.slice(0, 4));
  return { label, startsOn: `${start}-04-01`, endsOn: `${start + 1}-03-31` };
}

/** The financial year a day falls in. */
export function financialYearContaining(day: string): string {
  const year = Number(day.slice(0, 4));
  const start = day.slice(5) >= '04-01' ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export const financialYearLabel = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}$/, 'must be a financial year written like 2025-26')
  .refine((label) => (Number(label.slice(0, 4)) + 1) % 100 === Number(label.slice(5)), 'must be two consecutive years, like 2025-26');
