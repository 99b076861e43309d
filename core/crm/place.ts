import { provinceOfCreditCode, regionOfProvince } from './options.ts';

/**
 * Province and region kept consistent: a province decides its region; without a province the
 * province is taken from the credit code's division digits (when known). `undefined` means "not
 * given" (an edit leaves the field alone), `null` means "cleared".
 */
export function placeOf(
  input: { province?: string | null | undefined; region?: string | null | undefined },
  creditCode: string | null | undefined,
): {
  province: string | null | undefined;
  region: string | null | undefined;
} {
  let province = input.province;
  if ((province === undefined || province === null) && creditCode) province = provinceOfCreditCode(creditCode) ?? province;
  const region = province ? regionOfProvince(province) : input.region;
  return { province, region };
}
