import { DEFAULT_SG_POLICIES, type SgPolicies } from './sg.policy';
import { inForce } from '@ebp/shared-kernel';

/** A prefecture-level city of Zhejiang (GB/T 2260 code, first four digits). */
export interface Prefecture {
  code: string;
  name: string;
  nameZh: string;
  /** SG-2: Ningbo and its districts and counties are outside the fund (宁波地区除外). */
  excluded: boolean;
}

/** SG-2: Zhejiang's eleven prefecture-level cities, 3301 Hangzhou … 3311 Lishui. */
export const ZHEJIANG_PREFECTURES: readonly Prefecture[] = [
  { code: '3301', name: 'Hangzhou', nameZh: '杭州市', excluded: false },
  { code: '3302', name: 'Ningbo', nameZh: '宁波市', excluded: true },
  { code: '3303', name: 'Wenzhou', nameZh: '温州市', excluded: false },
  { code: '3304', name: 'Jiaxing', nameZh: '嘉兴市', excluded: false },
  { code: '3305', name: 'Huzhou', nameZh: '湖州市', excluded: false },
  { code: '3306', name: 'Shaoxing', nameZh: '绍兴市', excluded: false },
  { code: '3307', name: 'Jinhua', nameZh: '金华市', excluded: false },
  { code: '3308', name: 'Quzhou', nameZh: '衢州市', excluded: false },
  { code: '3309', name: 'Zhoushan', nameZh: '舟山市', excluded: false },
  { code: '3310', name: 'Taizhou', nameZh: '台州市', excluded: false },
  { code: '3311', name: 'Lishui', nameZh: '丽水市', excluded: false },
];

/** A six-digit administrative division code (行政区划代码), e.g. 330106 (Hangzhou, Xihu District). */
export const DIVISION_CODE = /^\d{6}$/;

export const isDivisionCode = (code: string): boolean => typeof code === 'string' && DIVISION_CODE.test(code);

/** The prefecture of a division code (330106 → Hangzhou), null for the province itself (330000), another province or no code. */
export function prefectureOf(code: string): Prefecture | null {
  if (!isDivisionCode(code)) return null;
  return ZHEJIANG_PREFECTURES.find((p) => code.startsWith(p.code)) ?? null;
}

export type RegionFailure = 'division-code-invalid' | 'outside-zhejiang' | 'unknown-prefecture' | 'ningbo-excluded';

/**
 * SG-2: why a division code is outside the fund's region, null when it is inside: a six-digit code
 * under the province's prefix (33), the province itself (330000, for provincial units) or one of its
 * prefectures, and none of the excluded prefixes (Ningbo 3302xx).
 */
export function regionFailure(code: string, date: string, policies: SgPolicies = DEFAULT_SG_POLICIES): RegionFailure | null {
  if (!isDivisionCode(code)) return 'division-code-invalid';
  const region = inForce(policies.region, date);
  if (!code.startsWith(region.provincePrefix)) return 'outside-zhejiang';
  if (region.excludedPrefixes.some((prefix) => code.startsWith(prefix))) return 'ningbo-excluded';
  if (code === `${region.provincePrefix}0000`) return null;
  return prefectureOf(code) ? null : 'unknown-prefecture';
}
