import { useState } from 'react';
import { Alert, Button, Checkbox, Grid, Space, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DataScope, PermissionCatalogItem, Role } from '../../../shared/api/types.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { DataScopeSelect } from '../../../shared/components/data-scope.tsx';
import { DataTable } from '../../../shared/components/data-table.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { useUpdateRole } from '../hooks/use-roles.ts';

interface Draft {
  permissions: ReadonlySet<string>;
  dataScope: DataScope;
}

type Row =
  | { kind: 'scope'; key: string }
  | { kind: 'group'; key: string; group: string }
  | { kind: 'permission'; key: string; item: PermissionCatalogItem };

function sameSet(a: ReadonlySet<string>, b: readonly string[]): boolean {
  return a.size === b.length && b.every((x) => a.has(x));
}

/** Rows for the matrix: the data-scope row, then a heading row per group followed by its permissions. */
export function matrixRows(catalog: readonly PermissionCatalogItem[]): Row[] {
  const groups = new Map<string, PermissionCatalogItem[]>();
  for (const item of catalog) {
    const list = groups.get(item.group) ?? [];
    list.push(item);
    groups.set(item.group, list);
  }
  const rows: Row[] = [{ kind: 'scope', key: 'scope' }];
  for (const [group, items] of groups) {
    rows.push({ kind: 'group', key: `group:${group}`, group });
    for (const item of items) rows.push({ kind: 'permission', key: item.key, item });
  }
  return rows;
}

/**
 * Role × permission matrix with each role's data scope. Changes are kept per role as a draft;
 * each changed role is saved on its own with the role's version (a 409 drops that draft and
 * shows the latest state).
 */
export function PermissionMatrix({
  roles,
  catalog,
  editable,
}: {
  roles: readonly Role[];
  catalog: readonly PermissionCatalogItem[];
  editable: boolean;
}) {
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
    // catalogue order, so the audit diff reads naturally; unknown keys (none today) kept at the end
    const known = catalog.map((c) => c.key);
    const permissions = [...known.filter((k) => d.permissions.has(k)), ...[...d.permissions].filter((k) => !known.includes(k))];
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
  const dirtyRoles = roles.filter(isDirty);

  const columns: TableColumnsType<Row> = [
    {
      title: t('role.permission'),
      key: 'permission',
      fixed: 'left',
      width: narrow ? 132 : 240,
      onCell: (row) => ({ className: row.kind === 'permission' ? undefined : 'bf-matrix-group' }),
      render: (_: unknown, row) => {
        switch (row.kind) {
          case 'scope':
            return <strong>{t('role.dataScope')}</strong>;
          case 'group':
            return <strong>{t(`permissionGroup.${row.group}`, { defaultValue: row.group })}</strong>;
          case 'permission':
            return (
              <div className="bf-matrix-permission">
                <span>{row.item.label}</span>
                {narrow ? null : <code>{row.item.key}</code>}
              </div>
            );
        }
      },
    },
    ...roles.map((role): TableColumnsType<Row>[number] => {
      const d = draftOf(role);
      const dirty = isDirty(role);
      return {
        key: role.id,
        width: narrow ? 136 : 164,
        align: 'center',
        title: (
          <span className="bf-matrix-role-name">
            {role.name}
            {role.builtin ? <Tag className="bf-tag-small">{t('role.builtin')}</Tag> : null}
          </span>
        ),
        onCell: (row) => ({ className: row.kind === 'group' ? 'bf-matrix-group' : dirty ? 'bf-matrix-dirty' : undefined }),
        render: (_: unknown, row) => {
          switch (row.kind) {
            case 'scope':
              return (
                <DataScopeSelect
                  size="small"
                  value={d.dataScope}
                  disabled={!editable}
                  onChange={(v) => setDraft(role, { ...d, dataScope: v })}
                  aria-label={t('role.dataScopeOf', { name: role.name })}
                  className="bf-matrix-scope"
                />
              );
            case 'group':
              return null;
            case 'permission':
              return (
                <Checkbox
                  checked={d.permissions.has(row.item.key)}
                  disabled={!editable}
                  onChange={(e) => toggle(role, row.item.key, e.target.checked)}
                  aria-label={t('role.grantLabel', { role: role.name, permission: row.item.label })}
                />
              );
          }
        },
      };
    }),
  ];

  return (
    <>
      <p className="bf-muted bf-matrix-hint">{t('role.dataScopeHint')}</p>
      {dirtyRoles.length > 0 ? (
        <Alert
          type="warning"
          className="bf-matrix-unsaved"
          role="status"
          title={t('role.unsavedRoles', { count: dirtyRoles.length })}
          description={
            <Space size={[8, 8]} wrap>
              {dirtyRoles.map((role) => (
                <Space.Compact key={role.id}>
                  <Button
                    type="primary"
                    size="small"
                    loading={update.isPending && update.variables.id === role.id}
                    onClick={() => save(role)}
                  >
                    {t('role.saveRole', { name: role.name })}
                  </Button>
                  <Button size="small" onClick={() => dropDraft(role.id)} aria-label={t('role.discardRole', { name: role.name })}>
                    {t('common.discard')}
                  </Button>
                </Space.Compact>
              ))}
            </Space>
          }
        />
      ) : null}
      <DataTable<Row>
        label={t('role.matrixTab')}
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
        size="small"
        bordered
        scroll={{ y: 'calc(100vh - 320px)' }}
        className="bf-matrix"
      />
    </>
  );
}
