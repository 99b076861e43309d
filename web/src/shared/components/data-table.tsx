import { useEffect, useRef } from 'react';
import { Table, type TableProps } from 'antd';

/**
 * antd's Table scrolling sideways on narrow screens (tables never squeeze the page). The
 * scroll container becomes a labelled, keyboard-focusable region so keyboard users can scroll
 * it too (axe: scrollable-region-focusable).
 */
export function DataTable<T extends object>({ label, scroll, ...props }: TableProps<T> & { label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    for (const el of ref.current?.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body') ?? []) {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', label);
    }
  });
  return (
    <div ref={ref}>
      <Table<T> scroll={{ x: 'max-content', ...scroll }} {...props} />
    </div>
  );
}
