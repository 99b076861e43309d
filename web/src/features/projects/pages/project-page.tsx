import { Tabs } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { SectionSpin } from '../../../shared/components/full-page-spin.tsx';
import { useUrlParams } from '../../../shared/hooks/use-url-params.ts';
import { useProject } from '../hooks/use-projects.ts';
import { ProjectHeader } from '../components/project-header.tsx';
import { TimelinePanel } from '../components/timeline-panel.tsx';
import { projectTabs } from '../project-tabs.tsx';
import '../projects.css';

/** The project page: header (stage path, next step, actions), the tabs of the registry, one timeline. */
export function ProjectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useUrlParams(['tab'] as const);
  const project = useProject(id);
  if (project.error) return <LoadError error={project.error} onRetry={() => void project.refetch()} />;
  if (!project.data) return <SectionSpin />;
  const p = project.data;
  const tabs = projectTabs(p);
  const active = tabs.find((x) => x.key === params.tab)?.key ?? tabs[0]?.key;
  return (
    <div className="bf-project-page">
      <Link to="/projects" className="bf-back-link">
        <ArrowLeftOutlined /> {t('projects.back')}
      </Link>
      <ProjectHeader p={p} />
      <div className="bf-project-body">
        <div className="bf-project-main">
          <Tabs
            activeKey={active}
            onChange={(key) => setParams({ tab: key === tabs[0]?.key ? undefined : key }, false)}
            items={tabs.map((x) => ({ key: x.key, label: t(x.labelKey), children: x.render(p) }))}
          />
        </div>
        <aside className="bf-project-side" aria-label={t('projects.timeline.title')}>
          <TimelinePanel projectId={p.id} />
        </aside>
      </div>
    </div>
  );
}
