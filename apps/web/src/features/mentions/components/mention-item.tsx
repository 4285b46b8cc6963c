import type { Mention } from '@dengar/contracts';
import { useId } from 'react';
import { Link } from 'react-router';
import { DateTime } from '../../../components/date-time';
import { useLocale, useT } from '../../../i18n/i18n-provider';
import { languageName, safeHttpUrl, type MentionLookups } from '../mention-lookups';

/** What a person may do with a mention in this view. */
export interface MentionItemActions {
  /** Mark as spam in the stream, restore in the Spam view; absent for people who may not judge spam. */
  onSpam?: (mention: Mention) => void;
  pendingId: string | null;
  ticketHref: (ticketId: string) => string;
}

const compact = new Map<string, Intl.NumberFormat>();
function compactNumber(value: number, locale: string): string {
  let format = compact.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    compact.set(locale, format);
  }
  return format.format(value);
}

/** One post: who wrote it, where, what it says (as text, never as markup) and what the enrichment made of it. */
export function MentionItem({
  mention,
  lookups,
  actions,
}: {
  mention: Mention;
  lookups: MentionLookups;
  actions: MentionItemActions;
}) {
  const t = useT();
  const { locale } = useLocale();
  const authorId = useId();
  const { author } = mention;
  const url = safeHttpUrl(mention.url);
  const profileUrl = safeHttpUrl(author.profileUrl);
  const source = lookups.sources.find((option) => option.id === mention.sourceId);
  const brands = lookups.brands.filter((brand) => mention.brandIds.includes(brand.id));
  const campaigns = lookups.campaigns.filter((campaign) => mention.campaignIds.includes(campaign.id));
  const name = author.displayName?.trim() || author.handle;

  return (
    <article className={`mention${mention.isSpam ? ' mention--spam' : ''}`} aria-labelledby={authorId}>
      <header className="mention__header">
        <p className="mention__author" id={authorId}>
          {profileUrl ? (
            <a href={profileUrl} target="_blank" rel="noopener noreferrer" className="mention__name">
              {name}
            </a>
          ) : (
            <span className="mention__name">{name}</span>
          )}
          {name !== author.handle && <span className="mention__handle">{author.handle}</span>}
          {author.verified && <span className="badge badge--info">{t('mentions.verified')}</span>}
        </p>
        <p className="mention__reach">
          <span>{t('mentions.followers', { count: compactNumber(author.followers, locale) })}</span>
          <span>{t('mentions.influence', { score: author.influence })}</span>
        </p>
      </header>

      <p className="mention__text">{mention.text}</p>

      <ul className="mention__tags" aria-label={t('mentions.details')}>
        <li className="mention__tag">
          {t(`sources.kind.${mention.sourceKind}`)}
          {source && <span className="mention__tag-detail"> · {source.name}</span>}
        </li>
        <li className={`mention__tag mention__tag--${mention.sentiment.label}`}>
          {t(`mentions.sentiment.${mention.sentiment.label}`)}
        </li>
        <li className="mention__tag">{t(`mentions.type.${mention.type}`)}</li>
        {mention.language && <li className="mention__tag">{languageName(mention.language, locale)}</li>}
        {brands.map((brand) => (
          <li key={brand.id} className="mention__tag mention__tag--brand">
            {brand.name}
          </li>
        ))}
        {campaigns.map((campaign) => (
          <li key={campaign.id} className="mention__tag mention__tag--campaign">
            {campaign.name}
          </li>
        ))}
        {mention.isSpam && <li className="mention__tag mention__tag--spam">{t('mentions.spamFlag')}</li>}
      </ul>

      <footer className="mention__footer">
        <span className="mention__posted">
          {t('mentions.posted')} <DateTime value={mention.postedAt} />
        </span>
        {url && (
          <a href={url} target="_blank" rel="noopener noreferrer">
            {t('mentions.viewOriginal')}
            <span className="visually-hidden"> {t('mentions.newTab')}</span>
          </a>
        )}
        {mention.ticketId && <Link to={actions.ticketHref(mention.ticketId)}>{t('mentions.ticket')}</Link>}
        {actions.onSpam && (
          <button
            type="button"
            className="button button--small mention__action"
            disabled={actions.pendingId === mention.id}
            onClick={() => actions.onSpam?.(mention)}
          >
            {mention.isSpam ? t('mentions.restore') : t('mentions.markSpam')}
          </button>
        )}
      </footer>
    </article>
  );
}
