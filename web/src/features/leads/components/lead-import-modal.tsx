import { useState } from 'react';
import { Alert, Button, Modal, Result, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../../shared/api/client.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { downloadFile, fileToBase64 } from '../format.ts';
import type { LeadImportPreview, LeadImportResult } from '../lead-api.ts';
import { LEADS_KEY } from '../hooks/use-leads.ts';

const MAX_MB = 10;

/**
 * Import information from Excel: download the template, upload the filled file, see every row's
 * problems in the user's language, then import all (only without errors) or only the valid rows.
 */
export function LeadImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useMessage();
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<LeadImportPreview | null>(null);
  const [result, setResult] = useState<LeadImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
    onClose();
  };

  const upload = async (f: File) => {
    setError(null);
    if (!/\.xlsx$/i.test(f.name)) return setError(t('leads.import.notXlsx'));
    if (f.size > MAX_MB * 1024 * 1024) return setError(t('leads.import.tooLarge', { mb: MAX_MB }));
    setBusy(true);
    try {
      const body = { fileName: f.name, contentBase64: await fileToBase64(f) };
      setPreview(await api('POST /leads/import/preview', { body }));
      setFile(body);
    } catch (err) {
      setError(isApiError(err) ? (Object.values(err.fields)[0] ?? err.message) : t('common.unexpectedError'));
    } finally {
      setBusy(false);
    }
  };

  const commit = async (mode: 'all_or_nothing' | 'valid_only') => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await api('POST /leads/import/commit', { body: { ...file, mode } }));
      void qc.invalidateQueries({ queryKey: LEADS_KEY });
    } catch (err) {
      setError(isApiError(err) ? err.message : t('common.unexpectedError'));
    } finally {
      setBusy(false);
    }
  };

  const template = () => {
    downloadFile('/api/leads/import/template.xlsx', 'lead-import-template.xlsx').catch((e: Error) => void message.error(e.message));
  };

  return (
    <Modal open={open} onCancel={close} footer={null} title={t('leads.import.title')} width={760} destroyOnHidden>
      {result ? (
        <Result
          status={result.skipped > 0 ? 'warning' : 'success'}
          title={t('leads.import.done', { imported: result.imported, skipped: result.skipped })}
          extra={
            <Button type="primary" onClick={close}>
              {t('common.ok')}
            </Button>
          }
        />
      ) : (
        <Space orientation="vertical" size="middle" className="bf-full-width">
          <Typography.Paragraph className="bf-muted">{t('leads.import.intro')}</Typography.Paragraph>
          <Button icon={<DownloadOutlined />} onClick={template}>
            {t('leads.import.template')}
          </Button>
          <Upload.Dragger
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(f) => {
              void upload(f);
              return false;
            }}
            disabled={busy}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{t('leads.import.drop')}</p>
          </Upload.Dragger>
          {error ? <Alert type="error" showIcon title={error} /> : null}
          {preview ? (
            <>
              <Alert
                type={preview.invalidRows > 0 ? 'warning' : 'success'}
                showIcon
                title={t('leads.import.summary', { total: preview.totalRows, valid: preview.validRows, invalid: preview.invalidRows })}
              />
              {preview.errors.length > 0 ? (
                <Table
                  size="small"
                  rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.message}`}
                  dataSource={preview.errors}
                  pagination={{ pageSize: 8, hideOnSinglePage: true }}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    { title: t('leads.import.row'), dataIndex: 'row', key: 'row', width: 70 },
                    { title: t('leads.import.column'), dataIndex: 'header', key: 'header', render: (v: string | null) => v ?? '—' },
                    { title: t('leads.import.problem'), dataIndex: 'message', key: 'message' },
                  ]}
                />
              ) : null}
              <Space wrap>
                <Button
                  type="primary"
                  loading={busy}
                  disabled={preview.invalidRows > 0 || preview.validRows === 0}
                  onClick={() => void commit('all_or_nothing')}
                >
                  {t('leads.import.importAll')}
                </Button>
                <Button
                  loading={busy}
                  disabled={preview.validRows === 0 || preview.invalidRows === 0}
                  onClick={() => void commit('valid_only')}
                >
                  {t('leads.import.importValid', { count: preview.validRows })}
                </Button>
              </Space>
            </>
          ) : null}
        </Space>
      )}
    </Modal>
  );
}
