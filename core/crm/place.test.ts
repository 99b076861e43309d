import { describe, expect, it } from 'vitest';
import { placeOf } from './place.ts';

describe('province and region of a customer or partner', () => {
  it('a province decides its region, whatever region was sent', () => {
    expect(placeOf({ province: 'jiangsu', region: 'north' }, null)).toEqual({ province: 'jiangsu', region: 'east' });
  });

  it("without a province, the credit code's division digits give it", () => {
    expect(placeOf({}, '91330106MA0000001X')).toEqual({ province: 'zhejiang', region: 'east' });
    expect(placeOf({ province: null }, '11110000MB0000000X')).toEqual({ province: 'beijing', region: 'north' });
  });

  it('keeps what was given when nothing decides it (an unknown division, no code)', () => {
    expect(placeOf({ region: 'south' }, '91990106MA0000001X')).toEqual({ province: undefined, region: 'south' });
    expect(placeOf({ province: null, region: null }, null)).toEqual({ province: null, region: null });
    expect(placeOf({}, undefined)).toEqual({ province: undefined, region: undefined });
  });
});
