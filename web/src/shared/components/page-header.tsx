import type { ReactNode } from 'react';
import { Typography } from 'antd';

/** The page's <h1>, an optional one-line description and the page-level actions. */
export function PageHeader({ title, description, extra }: { title: ReactNode; description?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="bf-page-header">
      <div className="bf-page-header-text">
        <Typography.Title level={1} className="bf-page-title">
          {title}
        </Typography.Title>
        {description ? (
          <Typography.Paragraph type="secondary" className="bf-page-description">
            {description}
          </Typography.Paragraph>
        ) : null}
      </div>
      {extra ? <div className="bf-page-header-extra">{extra}</div> : null}
    </div>
  );
}
