import { useState } from 'react';
import { Pane } from '../../components/error-boundary';
import { CannedResponsesList } from '../../features/canned-responses/components/canned-responses-list';
import type { CannedEditing } from '../../features/canned-responses/components/canned-dialog';
import type { RuleEditing } from '../../features/routing-rules/components/rule-dialog';
import type { RuleOptions } from '../../features/routing-rules/components/rule-fields';
import { RoutingRulesList } from '../../features/routing-rules/components/routing-rules-list';
import { useSources } from '../../features/sources/api/get-sources';
import { useTags } from '../../features/tags/api/get-tags';
import { TagsList } from '../../features/tags/components/tags-list';
import { useTeams } from '../../features/teams/api/get-teams';
import { WorkloadView } from '../../features/workload/components/workload-view';
import { useSettings } from '../../features/workspace-settings/api/get-settings';
import { SlaTargetsForm } from '../../features/workspace-settings/components/sla-targets-form';
import { WorkspaceHoursForm } from '../../features/workspace-settings/components/workspace-hours-form';
import { useT } from '../../i18n/i18n-provider';
import { pushToast } from '../../lib/toast-store';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useCurrentUser } from '../current-user';

/** Care settings screens (managers, admins), loaded on demand. */

/** Teams, tags and sources a rule may name, gathered here because they belong to other features. */
function useRuleOptions(): RuleOptions {
  const teams = useTeams();
  const tags = useTags();
  const sources = useSources({ limit: 100 });
  return {
    teams: teams.data.pages.flatMap((page) => page.items).map(({ id, name }) => ({ id, name })),
    tags: tags.data.pages.flatMap((page) => page.items).map(({ id, name }) => ({ id, name })),
    sources: sources.data.pages.flatMap((page) => page.items).map(({ id, name, kind }) => ({ id, name, kind })),
  };
}

export function RoutingRulesRoute() {
  const t = useT();
  const [editing, setEditing] = useState<RuleEditing>(null);
  useDocumentTitle(t('care.rules.title'));
  return (
    <section className="settings-section" aria-labelledby="routing-heading">
      <div className="section-header">
        <h2 id="routing-heading">{t('care.rules.title')}</h2>
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          {t('care.rules.new')}
        </button>
      </div>
      <p className="muted">{t('care.rules.intro')}</p>
      <Pane>
        <RoutingRules editing={editing} onEdit={setEditing} />
      </Pane>
    </section>
  );
}

function RoutingRules({ editing, onEdit }: { editing: RuleEditing; onEdit: (editing: RuleEditing) => void }) {
  const t = useT();
  const options = useRuleOptions();
  return (
    <RoutingRulesList
      options={options}
      editing={editing}
      onEdit={onEdit}
      onSaved={(rule, created) =>
        pushToast('success', t(created ? 'care.rules.created' : 'care.rules.saved', { name: rule.name }))
      }
      onDeleted={(rule) => pushToast('success', t('care.rules.deletedToast', { name: rule.name }))}
    />
  );
}

export function SlaRoute() {
  const t = useT();
  useDocumentTitle(t('care.sla.title'));
  return (
    <section className="settings-section" aria-labelledby="sla-heading">
      <div className="section-header">
        <h2 id="sla-heading">{t('care.sla.title')}</h2>
      </div>
      <Pane>
        <SlaSettings />
      </Pane>
    </section>
  );
}

function SlaSettings() {
  const t = useT();
  const user = useCurrentUser();
  const { data: settings } = useSettings();
  return (
    <>
      <section className="card" aria-labelledby="sla-targets-heading">
        <h3 id="sla-targets-heading">{t('care.sla.targets')}</h3>
        <p className="muted">{t('care.sla.targetsIntro')}</p>
        <SlaTargetsForm settings={settings} />
      </section>
      <section className="card" aria-labelledby="sla-hours-heading">
        <h3 id="sla-hours-heading">{t('care.sla.hoursTitle')}</h3>
        <WorkspaceHoursForm settings={settings} canEdit={user.role === 'admin'} />
      </section>
    </>
  );
}

export function TagsRoute() {
  const t = useT();
  useDocumentTitle(t('care.tags.title'));
  return (
    <section className="settings-section" aria-labelledby="tags-heading">
      <div className="section-header">
        <h2 id="tags-heading">{t('care.tags.title')}</h2>
      </div>
      <p className="muted">{t('care.tags.intro')}</p>
      <Pane>
        <TagsList
          onSaved={(tag, created) =>
            pushToast('success', t(created ? 'care.tags.created' : 'care.tags.saved', { name: tag.name }))
          }
          onDeleted={(tag) => pushToast('success', t('care.tags.deleted', { name: tag.name }))}
        />
      </Pane>
    </section>
  );
}

export function CannedResponsesRoute() {
  const t = useT();
  const user = useCurrentUser();
  const [editing, setEditing] = useState<CannedEditing>(null);
  useDocumentTitle(t('care.canned.title'));
  return (
    <section className="settings-section" aria-labelledby="canned-heading">
      <div className="section-header">
        <h2 id="canned-heading">{t('care.canned.title')}</h2>
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          {t('care.canned.new')}
        </button>
      </div>
      <p className="muted">{t('care.canned.intro')}</p>
      <Pane>
        <CannedResponsesList
          editing={editing}
          onEdit={setEditing}
          agentName={user.name}
          defaultLanguage={user.locale}
          onSaved={(response, created) =>
            pushToast('success', t(created ? 'care.canned.created' : 'care.canned.saved', { name: response.name }))
          }
          onDeleted={(response) => pushToast('success', t('care.canned.deleted', { name: response.name }))}
        />
      </Pane>
    </section>
  );
}

export function WorkloadRoute() {
  const t = useT();
  useDocumentTitle(t('care.workload.title'));
  return (
    <section className="settings-section" aria-labelledby="workload-heading">
      <div className="section-header">
        <h2 id="workload-heading">{t('care.workload.title')}</h2>
      </div>
      <p className="muted">{t('care.workload.intro')}</p>
      <Pane>
        <WorkloadView />
      </Pane>
    </section>
  );
}
