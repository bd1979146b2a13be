/** Today in England, as the graph's clocks count it. */
export function todayInLondon(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The financial year (1 April to 31 March) a day falls in, written like 2025-26. */
export function financialYearContaining(day: string): string {
  const year = Number(day.slice(0, 4));
  const start = day.slice(5) >= '04-01' ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The Monday of a day's week, the key a weekly chart groups by. */
export function weekOf(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000);
  return monday.toISOString().slice(0, 10);
}
