import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DATA_SCOPES } from '../../../../core/permissions.ts';
import type { DataScope } from '../api/types.ts';

/** 本人 / 本部门 / 本部门及下级 / 全部 */
export function useDataScopeLabel(): (scope: DataScope) => string {
  const { t } = useTranslation();
  return (scope) => t(`dataScope.${scope}`);
}

export function DataScopeTag({ scope }: { scope: DataScope }) {
  const label = useDataScopeLabel();
  return <Tag className={`bf-scope bf-scope-${scope}`}>{label(scope)}</Tag>;
}

export function DataScopeSelect(props: {
  value?: DataScope;
  onChange?: (v: DataScope) => void;
  disabled?: boolean;
  size?: 'small' | 'middle';
  'aria-label'?: string;
  className?: string;
}) {
  const label = useDataScopeLabel();
  return <Select<DataScope> {...props} popupMatchSelectWidth={false} options={DATA_SCOPES.map((s) => ({ value: s, label: label(s) }))} />;
}
