import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { useT } from '../../i18n/i18n-provider';
import { useDocumentTitle } from '../../lib/use-document-title';

export function NotFoundRoute() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="page">
      <h1 className="page-title">{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to={paths.inbox}>{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
