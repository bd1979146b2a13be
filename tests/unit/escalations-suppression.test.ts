import { suppress, suppressParts } from '../../subgraphs/escalations/src/reporting/suppression';

describe('small-number suppression of escalation reports', () => {
  it('hides a count of 4 and shows a count of 5', () => {
    expect(suppress(4)).toEqual({ count: null, suppressed: true });
    expect(suppress(5)).toEqual({ count: 5, suppressed: false });
    expect(suppress(0)).toEqual({ count: null, suppressed: true });
  });

  it('hides a second part when one hidden part could be worked out from a shown total', () => {
    expect(suppressParts([7, 3], 10)).toEqual([
      { count: null, suppressed: true },
      { count: null, suppressed: true },
    ]);
    expect(suppressParts([9, 6, 2], 17)).toEqual([
      { count: 9, suppressed: false },
      { count: null, suppressed: true },
      { count: null, suppressed: true },
    ]);
  });

  it('leaves the parts alone when two or more are hidden already, or the total is hidden itself', () => {
    expect(suppressParts([8, 1, 1], 10)).toEqual([
      { count: 8, suppressed: false },
      { count: null, suppressed: true },
      { count: null, suppressed: true },
    ]);
    expect(suppressParts([3], 3)).toEqual([{ count: null, suppressed: true }]);
    expect(suppressParts([5, 5], 10)).toEqual([
      { count: 5, suppressed: false },
      { count: 5, suppressed: false },
    ]);
  });
});
