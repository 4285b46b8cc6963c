import type { SourceKind } from '@dengar/contracts';
import { useT } from '../../../i18n/i18n-provider';

const LETTER: Record<SourceKind, string> = {
  mastodon: 'M',
  bluesky: 'B',
  reddit: 'R',
  x: 'X',
  rss: 'F',
  webhook: 'W',
  demo: 'D',
};

/** The platform a ticket came from: a letter badge, named for screen readers. */
export function PlatformBadge({ kind }: { kind: SourceKind }) {
  const t = useT();
  return (
    <span className={`platform platform--${kind}`} role="img" aria-label={t(`sources.kind.${kind}`)}>
      <span aria-hidden="true">{LETTER[kind]}</span>
    </span>
  );
}
