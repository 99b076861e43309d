import { InputNumber, type InputNumberProps } from 'antd';

/** Integer fen ↔ yuan with two decimals, for money inputs. */
export const fenToYuan = (fen: number | null | undefined): number | null => (fen === null || fen === undefined ? null : fen / 100);
export const yuanToFen = (yuan: number | null | undefined): number | null =>
  yuan === null || yuan === undefined ? null : Math.round(yuan * 100);

function groupThousands(v: string | number | undefined): string {
  if (v === undefined || v === '') return '';
  const [int = '', dec] = String(v).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${dec === undefined ? '' : `.${dec}`}`;
}

/** The largest amount the server accepts (MAX_FEN in core/projects/project-fields.schema.ts), in yuan. */
const MAX_YUAN = 100_000_000_000;

/** A yuan amount with thousands separators (the form converts to fen). */
export function MoneyInput(props: InputNumberProps<number>) {
  return (
    <InputNumber<number>
      min={0}
      max={MAX_YUAN}
      precision={2}
      prefix="¥"
      formatter={(v) => groupThousands(v)}
      parser={(v) => Number((v ?? '').replace(/[^\d.]/g, '')) || 0}
      {...props}
    />
  );
}
