import type { Role } from '@dengar/contracts';
import { NavLink } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { Pane } from '../../../components/error-boundary';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-provider';
import { inboxViewsFor, type InboxView } from '../inbox-views';

/** The live inbox: views on the left, the queue of the chosen view beside them. Tickets arrive in a later issue. */
export function InboxPage({ view, role }: { view: InboxView; role: Role }) {
  const t = useT();
  const views = inboxViewsFor(role);
  return (
    <div className="inbox">
      <nav className="inbox__views" aria-label={t('inbox.views')}>
        <p className="inbox__views-title" aria-hidden="true">
          {t('inbox.title')}
        </p>
        <ul>
          {views.map((name) => (
            <li key={name}>
              <NavLink to={paths.inboxView(name)} className="view-link">
                {t(`inbox.view.${name}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <section className="inbox__queue" aria-labelledby="queue-heading">
        <h1 id="queue-heading" className="page-title">
          {t(`inbox.view.${view}`)}
        </h1>
        <Pane>
          <QueueEmpty view={view} />
        </Pane>
      </section>
    </div>
  );
}

function QueueEmpty({ view }: { view: InboxView }) {
  const t = useT();
  return (
    <EmptyState title={t('inbox.empty.title')}>
      <p>{t(`inbox.empty.${view}`)}</p>
    </EmptyState>
  );
}
