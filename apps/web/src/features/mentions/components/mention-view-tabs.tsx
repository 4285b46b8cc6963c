import { NavLink, useLocation } from 'react-router';
import { useT } from '../../../i18n/i18n-provider';
import './mentions.css';

/** The stream and its Spam view, as links (so each has an address); filters carry over. */
export function MentionViewTabs({
  streamPath,
  spamPath,
  showSpam,
}: {
  streamPath: string;
  spamPath: string;
  showSpam: boolean;
}) {
  const t = useT();
  const { search } = useLocation();
  return (
    <nav className="mention-tabs" aria-label={t('mentions.views')}>
      <ul>
        <li>
          <NavLink to={{ pathname: streamPath, search }} end>
            {t('mentions.view.stream')}
          </NavLink>
        </li>
        {showSpam && (
          <li>
            <NavLink to={{ pathname: spamPath, search }}>{t('mentions.view.spam')}</NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
