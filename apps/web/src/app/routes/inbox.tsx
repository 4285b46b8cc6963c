import { Navigate, useParams } from 'react-router';
import { paths } from '../../config/paths';
import { InboxPage } from '../../features/inbox/components/inbox-page';
import { TicketPane } from '../../features/ticket/components/ticket-pane';
import { DEFAULT_INBOX_VIEW, inboxViewsFor, isInboxView } from '../../features/inbox/inbox-views';
import { useT } from '../../i18n/i18n-provider';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useCurrentUser } from '../current-user';

/** `/inbox/:view` and `/inbox/:view/:ticketId`: the three-pane inbox, the ticket open when the URL names one. */
export function InboxRoute() {
  const t = useT();
  const user = useCurrentUser();
  const { view, ticketId } = useParams();
  const allowed = isInboxView(view) && inboxViewsFor(user.role).includes(view);
  useDocumentTitle(allowed ? t(`inbox.view.${view}`) : null);

  if (!allowed) return <Navigate to={paths.inboxView(DEFAULT_INBOX_VIEW)} replace />;
  return (
    <InboxPage
      view={view}
      ticketId={ticketId ?? null}
      user={user}
      ticketPane={ticketId ? <TicketPane key={ticketId} ticketId={ticketId} /> : null}
    />
  );
}

export function InboxIndexRoute() {
  return <Navigate to={paths.inboxView(DEFAULT_INBOX_VIEW)} replace />;
}
