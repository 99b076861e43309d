/**
 * Company-name keys for duplicate detection: "北京 海康威视（集团）股份有限公司" and
 * "北京海康威视集团" should be recognised as the same customer before a second record is saved.
 */

/**
 * Legal-form and organisational suffixes, stripped repeatedly from the end (longest first), so
 * "某某集团股份有限公司" → "某某".
 */
const SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '控股有限公司',
  '有限公司',
  '股份公司',
  '集团公司',
  '总公司',
  '分公司',
  '子公司',
  '控股集团',
  '集团',
  '控股',
  '公司',
  '分行',
  '支行',
  '分店',
  '办事处',
  '工作室',
  '事务所',
  '合伙企业',
  '有限合伙',
  '普通合伙',
  'co.,ltd.',
  'co.,ltd',
  'coltd',
  'co.ltd',
  'limited',
  'ltd',
  'inc',
  'corp',
  'corporation',
  'company',
  'group',
  'gmbh',
  'llc',
  'plc',
];

/**
 * Lower-case, half-width, without spaces, punctuation, symbols and control / format characters
 * (Chinese and Latin). Control characters matter: PostgreSQL refuses a NUL in text.
 */
export function normalizeText(input: string): string {
  return input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\p{Cc}\p{Cf}]/gu, '');
}

/**
 * The duplicate-detection key of a company name: normalized (see `normalizeText`) with
 * parenthesised remarks kept as text, and common suffixes (有限公司, 有限责任公司, 股份有限公司,
 * 集团, 分公司, Co., Ltd. …) stripped from the end. Never empty when the name has letters.
 */
export function companyNameKey(name: string): string {
  let key = normalizeText(name);
  const original = key;
  let changed = true;
  while (changed) {
    changed = false;
    for (const s of SUFFIXES) {
      const sk = normalizeText(s);
      if (key.length > sk.length && key.endsWith(sk)) {
        key = key.slice(0, key.length - sk.length);
        changed = true;
        break;
      }
    }
  }
  return key || original;
}

function bigrams(s: string): Map<string, number> {
  const chars = [...s];
  const out = new Map<string, number>();
  if (chars.length === 1) out.set(s, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = `${chars[i] ?? ''}${chars[i + 1] ?? ''}`;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

/**
 * Similarity of two company names in [0, 1], on their keys: 1 for the same key; otherwise the
 * larger of the bigram Dice coefficient and 1 − edit distance / longer length. One key containing
 * the other (e.g. "海康威视" in "杭州海康威视数字技术") scores at least 0.85 when the shorter key has
 * four or more characters.
 */
export function nameSimilarity(a: string, b: string): number {
  const ka = companyNameKey(a);
  const kb = companyNameKey(b);
  if (!ka || !kb) return 0;
  if (ka === kb) return 1;
  const la = [...ka].length;
  const lb = [...kb].length;
  const ga = bigrams(ka);
  const gb = bigrams(kb);
  let inter = 0;
  for (const [g, n] of ga) inter += Math.min(n, gb.get(g) ?? 0);
  const total = [...ga.values()].reduce((s, n) => s + n, 0) + [...gb.values()].reduce((s, n) => s + n, 0);
  const dice = total ? (2 * inter) / total : 0;
  const edit = 1 - editDistance(ka, kb) / Math.max(la, lb);
  let score = Math.max(dice, edit);
  const shorter = la <= lb ? ka : kb;
  const longer = la <= lb ? kb : ka;
  if ([...shorter].length >= 4 && longer.includes(shorter)) score = Math.max(score, 0.85);
  return Math.round(score * 1000) / 1000;
}

/** Names at or above this similarity are "very similar": saving needs an explicit confirmation. */
export const SIMILAR_NAME_THRESHOLD = 0.8;

/** True when two names very probably mean the same company. */
export function isSimilarName(a: string, b: string): boolean {
  return nameSimilarity(a, b) >= SIMILAR_NAME_THRESHOLD;
}
