import { useState } from 'react';
import { Alert, Button, Grid, Modal, Result, Space, Steps, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../../shared/api/client.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import type { ImportBase, ImportCommitResult, ImportPreview, ImportRowError } from '../customer-api.ts';
import { downloadFile, fileToBase64 } from '../crm-format.ts';

const MAX_MB = 10;

type Step = 0 | 1 | 2;

/**
 * The Excel import wizard of a list: 1. download the template, 2. upload the filled file, 3. see
 * a preview with every row's errors (in the user's language) and import everything (only when
 * there are no errors) or only the valid rows, then the result. Any list whose server side uses
 * server/imports/xlsx-import.ts (endpoints `/api/<base>/import/{template.xlsx,preview,commit}`)
 * can use it, e.g. `<ImportWizard base="leads" title={t('leads.importTitle')} … />`; after an
 * import the queries keyed `[base]` are refreshed.
 */
export function ImportWizard({
  base,
  title,
  open,
  onClose,
}: {
  base: ImportBase | (string & {});
  title?: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useMessage();
  const screens = Grid.useBreakpoint();
  const [step, setStep] = useState<Step>(0);
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportCommitResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setStep(0);
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const templateUrl = `/api/${base}/import/template.xlsx`;

  const upload = async (f: File) => {
    setError(null);
    if (!/\.xlsx$/i.test(f.name)) return setError(t('customers.import.notXlsx'));
    if (f.size > MAX_MB * 1024 * 1024) return setError(t('customers.import.tooLarge', { mb: MAX_MB }));
    setBusy(true);
    try {
      const body = { fileName: f.name, contentBase64: await fileToBase64(f) };
      const p = await previewCall(base, body);
      setFile(body);
      setPreview(p);
      setStep(1);
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
      const r = await commitCall(base, { ...file, mode });
      setResult(r);
      setStep(2);
      void qc.invalidateQueries({ queryKey: [base] });
      if (base === 'contacts') void qc.invalidateQueries({ queryKey: ['customers'] });
    } catch (err) {
      if (isApiError(err) && Array.isArray(err.details?.rows)) {
        setError(t('customers.import.refused'));
      } else setError(isApiError(err) ? err.message : t('common.unexpectedError'));
    } finally {
      setBusy(false);
    }
  };

  const errorColumns: TableColumnsType<ImportRowError> = [
    { title: t('customers.import.row'), dataIndex: 'row', key: 'row', width: 72 },
    { title: t('customers.import.column'), dataIndex: 'header', key: 'header', width: 140, render: (v: string | null) => v ?? '—' },
    { title: t('customers.import.problem'), dataIndex: 'message', key: 'message' },
  ];
  const previewColumns: TableColumnsType<ImportPreview['rows'][number]> = preview
    ? [
        {
          title: t('customers.import.row'),
          key: 'row',
          width: 64,
          fixed: 'left',
          render: (_: unknown, r) => (r.errors.length ? <Tag color="error">{r.row}</Tag> : <Tag color="success">{r.row}</Tag>),
        },
        ...preview.columns.map((c) => ({
          title: c.required ? `${c.header} *` : c.header,
          key: c.key,
          render: (_: unknown, r: ImportPreview['rows'][number]) => {
            const err = r.errors.find((e) => e.column === c.key);
            const v = r.values[c.key] ?? '';
            return err ? (
              <Typography.Text type="danger" title={err.message}>
                {v || '∅'}
              </Typography.Text>
            ) : (
              v || <span className="bf-muted">—</span>
            );
          },
        })),
      ]
    : [];

  return (
    <Modal
      open={open}
      onCancel={close}
      title={title ?? t(`customers.import.title_${base}`)}
      width={screens.md ? 960 : '100%'}
      footer={null}
      destroyOnHidden
    >
      <Steps
        size="small"
        current={step}
        className="bf-gap-bottom"
        items={[
          { title: t('customers.import.stepUpload') },
          { title: t('customers.import.stepPreview') },
          { title: t('customers.import.stepDone') },
        ]}
      />
      {error ? <Alert type="error" showIcon title={error} className="bf-gap-bottom" /> : null}
      {step === 0 ? (
        <Space direction="vertical" className="bf-full-width" size="middle">
          <Alert type="info" showIcon title={t('customers.import.intro')} description={t('customers.import.introText')} />
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void downloadFile(templateUrl, 'template.xlsx').catch((e: Error) => void message.error(e.message))}
          >
            {t('customers.import.template')}
          </Button>
          <Upload.Dragger
            accept=".xlsx"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(f) => {
              void upload(f);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{busy ? t('customers.import.checking') : t('customers.import.drop')}</p>
            <p className="ant-upload-hint">{t('customers.import.dropHint', { mb: MAX_MB })}</p>
          </Upload.Dragger>
        </Space>
      ) : null}
      {step === 1 && preview ? (
        <div>
          <Alert
            type={preview.invalidRows ? 'warning' : 'success'}
            showIcon
            className="bf-gap-bottom"
            title={t('customers.import.summary', { total: preview.totalRows, valid: preview.validRows, invalid: preview.invalidRows })}
            description={preview.ignoredExampleRows ? t('customers.import.exampleIgnored') : undefined}
          />
          {preview.errors.length ? (
            <>
              <h2 className="bf-crm-subheading">{t('customers.import.errors')}</h2>
              <Table<ImportRowError>
                size="small"
                rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.message}`}
                columns={errorColumns}
                dataSource={preview.errors}
                pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
              />
              {preview.errorsTruncated ? <p className="bf-muted">{t('customers.import.errorsTruncated')}</p> : null}
            </>
          ) : null}
          <h2 className="bf-crm-subheading">{t('customers.import.firstRows', { count: preview.rows.length })}</h2>
          <Table
            size="small"
            rowKey="row"
            columns={previewColumns}
            dataSource={preview.rows}
            pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
            scroll={{ x: 'max-content' }}
            rowClassName={(r) => (r.errors.length ? 'bf-crm-row-error' : '')}
          />
          <div className="bf-crm-wizard-footer">
            <Button onClick={reset} disabled={busy}>
              {t('customers.import.again')}
            </Button>
            <Button
              disabled={busy || preview.validRows === 0 || preview.invalidRows === 0}
              loading={busy}
              onClick={() => void commit('valid_only')}
            >
              {t('customers.import.validOnly', { count: preview.validRows })}
            </Button>
            <Button
              type="primary"
              disabled={busy || preview.invalidRows > 0 || preview.totalRows === 0}
              loading={busy}
              onClick={() => void commit('all_or_nothing')}
            >
              {t('customers.import.all', { count: preview.totalRows })}
            </Button>
          </div>
          {preview.invalidRows > 0 ? <p className="bf-muted bf-crm-wizard-note">{t('customers.import.allDisabled')}</p> : null}
        </div>
      ) : null}
      {step === 2 && result ? (
        <Result
          status={result.skipped ? 'warning' : 'success'}
          title={t('customers.import.resultTitle', { count: result.imported })}
          subTitle={result.skipped ? t('customers.import.resultSkipped', { count: result.skipped }) : undefined}
          extra={
            <Space wrap>
              <Button onClick={reset}>{t('customers.import.another')}</Button>
              <Button type="primary" onClick={close}>
                {t('customers.import.close')}
              </Button>
            </Space>
          }
        />
      ) : null}
    </Modal>
  );
}

type AnyBase = ImportBase | (string & {});

/** The preview endpoint of any list (the path is `/api/<base>/import/preview`). */
function previewCall(base: AnyBase, body: { fileName: string; contentBase64: string }): Promise<ImportPreview> {
  return api(`POST /${base}/import/preview` as 'POST /customers/import/preview', { body });
}

/** The commit endpoint of any list. */
function commitCall(
  base: AnyBase,
  body: { fileName: string; contentBase64: string; mode: 'all_or_nothing' | 'valid_only' },
): Promise<ImportCommitResult> {
  return api(`POST /${base}/import/commit` as 'POST /customers/import/commit', { body });
}
