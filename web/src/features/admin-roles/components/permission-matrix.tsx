import { useState } from 'react';
import { Button, Checkbox, Grid, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DataScope, PermissionCatalogItem, Role } from '../../../shared/api/types.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { DataScopeSelect } from '../../../shared/components/data-scope.tsx';
import { useUpdateRole } from '../hooks/use-roles.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';

interface Draft {
  permissions: ReadonlySet<string>;
  dataScope: DataScope;
}

type Row = { kind: 'group'; key: string; group: string } | { kind: 'permission'; key: string; item: PermissionCatalogItem };

function sameSet(a: ReadonlySet<string>, b: readonly string[]): boolean {
  return a.size === b.length && b.every((x) => a.has(x));
}

/** Rows for the matrix: a heading row per group, then the group's permissions in catalogue order. */
export function matrixRows(catalog: readonly PermissionCatalogItem[]): Row[] {
  const groups = new Map<string, PermissionCatalogItem[]>();
  for (const item of catalog) {
    const list = groups.get(item.group) ?? [];
    list.push(item);
    groups.set(item.group, list);
  }
  const rows: Row[] = [];
  for (const [group, items] of groups) {
    rows.push({ kind: 'group', key: `group:${group}`, group });
    for (const item of items) rows.push({ kind: 'permission', key: item.key, item });
  }
  return rows;
}

/**
 * Role × permission matrix. Changes are kept per role as a draft; each role column is saved on
 * its own with the role's version (a 409 drops the draft and shows the latest state).
 */
export function PermissionMatrix({ roles, catalog, editable }: { roles: readonly Role[]; catalog: readonly PermissionCatalogItem[]; editable: boolean }) {
  const { t } = useTranslation();
  const message = useMessage();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const narrow = Grid.useBreakpoint().md === false;
  const update = useUpdateRole();
  const handleError = useApiErrorHandler();

  const draftOf = (role: Role): Draft => drafts[role.id] ?? { permissions: new Set(role.permissions), dataScope: role.dataScope };
  const isDirty = (role: Role) => {
    const d = drafts[role.id];
    return d !== undefined && (d.dataScope !== role.dataScope || !sameSet(d.permissions, role.permissions));
  };
  const setDraft = (role: Role, d: Draft) => setDrafts((prev) => ({ ...prev, [role.id]: d }));
  const dropDraft = (roleId: string) =>
    setDrafts((prev) => {
      const next = { ...prev };
      delete next[roleId];
      return next;
    });

  const toggle = (role: Role, key: string, checked: boolean) => {
    const d = draftOf(role);
    const permissions = new Set(d.permissions);
    if (checked) permissions.add(key);
    else permissions.delete(key);
    setDraft(role, { ...d, permissions });
  };

  const save = (role: Role) => {
    const d = draftOf(role);
    // keep the catalogue order so the audit diff reads naturally
    const permissions = [...catalog.map((c) => c.key).filter((k) => d.permissions.has(k)), ...[...d.permissions].filter((k) => !catalog.some((c) => c.key === k))];
    update.mutate(
      { id: role.id, body: { version: role.version, permissions, dataScope: d.dataScope } },
      {
        onSuccess: () => {
          dropDraft(role.id);
          void message.success(t('role.savedRole', { name: role.name }));
        },
        onError: (err) => handleError(err, { onConflict: () => dropDraft(role.id) }),
      },
    );
  };

  const rows = matrixRows(catalog);
  const roleColumnCount = roles.length;

  const columns: TableColumnsType<Row> = [
    {
      title: t('role.permission'),
      key: 'permission',
      fixed: 'left',
      width: narrow ? 132 : 240,
      onCell: (row) => (row.kind === 'group' ? { colSpan: roleColumnCount + 1, className: 'bf-matrix-group' } : {}),
      render: (_: unknown, row) =>
        row.kind === 'group' ? (
          <strong>{t(`permissionGroup.${row.group}`, { defaultValue: row.group })}</strong>
        ) : (
          <div className="bf-matrix-permission">
            <span>{row.item.label}</span>
            {narrow ? null : <code>{row.item.key}</code>}
          </div>
        ),
    },
    ...roles.map((role): TableColumnsType<Row>[number] => {
      const d = draftOf(role);
      const dirty = isDirty(role);
      return {
        key: role.id,
        width: narrow ? 136 : 168,
        align: 'center',
        title: (
          <div className="bf-matrix-role">
            <div className="bf-matrix-role-name">
              {role.name}
              {role.builtin ? <Tag className="bf-tag-small">{t('role.builtin')}</Tag> : null}
            </div>
            <Tooltip title={t('role.dataScopeHint')}>
              <span>
                <DataScopeSelect
                  size="small"
                  value={d.dataScope}
                  disabled={!editable}
                  onChange={(v) => setDraft(role, { ...d, dataScope: v })}
                  aria-label={t('role.dataScopeOf', { name: role.name })}
                  className="bf-matrix-scope"
                />
              </span>
            </Tooltip>
            {editable ? (
              <Space size={4} className="bf-matrix-actions">
                <Button size="small" type="primary" disabled={!dirty} loading={update.isPending && update.variables.id === role.id} onClick={() => save(role)}>
                  {t('common.save')}
                </Button>
                {dirty ? (
                  <Button size="small" onClick={() => dropDraft(role.id)}>
                    {t('common.discard')}
                  </Button>
                ) : null}
              </Space>
            ) : null}
          </div>
        ),
        onCell: (row) => (row.kind === 'group' ? { colSpan: 0 } : { className: dirty ? 'bf-matrix-dirty' : undefined }),
        render: (_: unknown, row) =>
          row.kind === 'group' ? null : (
            <Checkbox
              checked={d.permissions.has(row.item.key)}
              disabled={!editable}
              onChange={(e) => toggle(role, row.item.key, e.target.checked)}
              aria-label={t('role.grantLabel', { role: role.name, permission: row.item.label })}
            />
          ),
      };
    }),
  ];

  const dirtyCount = roles.filter(isDirty).length;

  return (
    <>
      {dirtyCount > 0 ? <p className="bf-matrix-unsaved" role="status">{t('role.unsavedRoles', { count: dirtyCount })}</p> : null}
      <Table<Row>
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
        size="small"
        bordered
        scroll={{ x: 'max-content', y: 'calc(100vh - 300px)' }}
        className="bf-matrix"
      />
    </>
  );
}
