/**
 * Display formatting. Times are shown in China Standard Time (Asia/Shanghai) whatever the
 * browser's zone is, as `YYYY-MM-DD HH:mm`; money is integer fen shown as CNY.
 */
const TIME_ZONE = 'Asia/Shanghai';

const dateTimeParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(value: string | number | Date): Record<string, string> | null {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  const out: Record<string, string> = {};
  for (const p of dateTimeParts.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** `2025-03-01 14:05` in Asia/Shanghai; empty input gives `—`. */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const p = parts(value);
  if (!p) return '—';
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** `2025-03-01` in Asia/Shanghai. */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const p = parts(value);
  if (!p) return '—';
  return `${p.year}-${p.month}-${p.day}`;
}

/** `2025-03-01 14:05:09` in Asia/Shanghai (audit log precision). */
export function formatDateTimeSeconds(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const p = parts(value);
  if (!p) return '—';
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** Integer fen → `¥1,234.56` (negative as `-¥1,234.56`). */
export function formatMoney(fen: number | bigint | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const big = BigInt(fen);
  const negative = big < 0n;
  const abs = negative ? -big : big;
  const yuan = abs / 100n;
  const cents = abs % 100n;
  const whole = yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${whole}.${cents.toString().padStart(2, '0')}`;
}
