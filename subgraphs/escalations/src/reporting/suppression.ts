/** Published aggregates never show a count below this (DOMAIN.md §6: small-number suppression). */
export const smallestShownCount = 5;

export interface SuppressedCount {
  readonly count: number | null;
  readonly suppressed: boolean;
}

/** A count on its own: shown from 5, otherwise null and flagged, never the number itself. */
export function suppress(count: number): SuppressedCount {
  return count < smallestShownCount ? { count: null, suppressed: true } : { count, suppressed: false };
}

/**
 * The parts of a shown total: each part below 5 is suppressed, and when exactly one part is, the
 * smallest shown part goes too, so the hidden one cannot be recovered as total minus the others.
 */
export function suppressParts(parts: readonly number[], total: number): SuppressedCount[] {
  const hidden = parts.map((part) => part < smallestShownCount);
  const hiddenCount = hidden.filter(Boolean).length;
  if (total >= smallestShownCount && hiddenCount === 1) {
    let smallest = -1;
    parts.forEach((part, index) => {
      if (!hidden[index] && (smallest === -1 || part < (parts[smallest] ?? Infinity))) smallest = index;
    });
    if (smallest !== -1) hidden[smallest] = true;
  }
  return parts.map((part, index) =>
    hidden[index] ? { count: null, suppressed: true } : { count: part, suppressed: false },
  );
}

/**
 * How counts are shown: suppressed in whatever is published or shared nationally; exact to the
 * partnership's own staff looking at their own cases, whom suppression would protect nobody from.
 */
export interface Counting {
  one(count: number): SuppressedCount;
  parts(parts: readonly number[], total: number): SuppressedCount[];
}

export const publishedCounting: Counting = { one: suppress, parts: suppressParts };
export const exactCounting: Counting = {
  one: (count) => ({ count, suppressed: false }),
  parts: (parts) => parts.map((count) => ({ count, suppressed: false })),
};
