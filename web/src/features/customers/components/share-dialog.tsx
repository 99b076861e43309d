import { useEffect, useState } from 'react';
import { Modal, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { UserPicker } from '../../../shared/components/user-picker.tsx';
import { useSaveShares, useShares, type RecordKind } from '../hooks/use-customers.ts';

/** Shares a customer / partner with named colleagues, on top of what their roles let them see. */
export function ShareDialog({
  kind,
  open,
  id,
  name,
  ownerUserId,
  onClose,
}: {
  kind: RecordKind;
  open: boolean;
  id: string;
  name: string;
  ownerUserId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const shares = useShares(kind, id, open);
  const save = useSaveShares(kind);
  const message = useMessage();
  const handleError = useApiErrorHandler();
  const [value, setValue] = useState<string[]>([]);
  useEffect(() => {
    if (open && shares.data) setValue(shares.data.items.map((s) => s.userId));
  }, [open, shares.data]);
  const known = (shares.data?.items ?? []).map((s) => ({
    value: s.userId,
    label: s.departmentName ? `${s.displayName}（${s.departmentName}）` : s.displayName,
  }));

  return (
    <Modal
      open={open}
      title={t('customers.share.title', { name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() =>
        save.mutate(
          { id, userIds: value },
          {
            onSuccess: () => {
              void message.success(t('common.saved'));
              onClose();
            },
            onError: (e) => handleError(e),
          },
        )
      }
      destroyOnHidden
    >
      <p className="bf-muted">{t('customers.share.hint')}</p>
      {shares.isLoading ? (
        <Spin />
      ) : (
        <UserPicker
          source="colleagues"
          departmentLabel="brackets"
          notFoundText={t('customers.noUser')}
          mode="multiple"
          value={value}
          onChange={setValue}
          known={known}
          exclude={[ownerUserId]}
          aria-label={t('customers.share.users')}
          placeholder={t('customers.share.users')}
        />
      )}
    </Modal>
  );
}
