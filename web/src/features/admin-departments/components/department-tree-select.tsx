import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../shared/api/types.ts';
import { buildDepartmentTree, type DepartmentNode } from '../department-tree.ts';

interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: TreeOption[];
}

function toOptions(nodes: DepartmentNode[], disabledIds: ReadonlySet<string>, inactiveSuffix: string): TreeOption[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.active ? n.name : `${n.name}${inactiveSuffix}`,
    disabled: disabledIds.has(n.id),
    children: n.children ? toOptions(n.children, disabledIds, inactiveSuffix) : undefined,
  }));
}

/** Picks one department from the tree; `disabledIds` greys out impossible choices. */
export function DepartmentTreeSelect({
  departments,
  value,
  onChange,
  disabledIds = new Set<string>(),
  placeholder,
  loading,
  id,
  'aria-label': ariaLabel,
  className,
}: {
  departments: readonly Department[];
  value?: string | null;
  onChange?: (v: string | null) => void;
  disabledIds?: ReadonlySet<string>;
  placeholder?: string;
  loading?: boolean;
  id?: string;
  'aria-label'?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <TreeSelect<string>
      id={id}
      aria-label={ariaLabel}
      className={className}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={toOptions(buildDepartmentTree(departments), disabledIds, t('department.inactiveSuffix'))}
      treeDefaultExpandAll
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={placeholder ?? t('department.pick')}
      loading={loading}
      popupMatchSelectWidth={false}
    />
  );
}
