import type { Mention } from '@dengar/contracts';
import { EmptyState } from '../../../components/empty-state';
import { LoadMore } from '../../../components/load-more';
import { useT } from '../../../i18n/i18n-provider';
import { pushToast } from '../../../lib/toast-store';
import { useMentions } from '../api/get-mentions';
import type { MentionListParams } from '../api/mention-keys';
import { useUpdateMention } from '../api/update-mention';
import { useMentionEvents } from '../hooks/use-mention-events';
import type { MentionLookups } from '../mention-lookups';
import { MentionItem } from './mention-item';

export function MentionList({
  params,
  lookups,
  canJudgeSpam,
  filtered,
  ticketHref,
}: {
  params: MentionListParams;
  lookups: MentionLookups;
  canJudgeSpam: boolean;
  filtered: boolean;
  ticketHref: (ticketId: string) => string;
}) {
  const t = useT();
  const mentions = useMentions(params);
  useMentionEvents();
  const updateMention = useUpdateMention();
  const items = mentions.data.pages.flatMap((page) => page.items);

  function judge(mention: Mention) {
    const isSpam = !mention.isSpam;
    updateMention.mutate(
      { id: mention.id, changes: { isSpam } },
      { onSuccess: () => pushToast('success', isSpam ? t('mentions.markedSpam') : t('mentions.restored')) },
    );
  }

  if (items.length === 0) {
    return (
      <EmptyState title={params.spam ? t('mentions.spamEmpty') : t('mentions.empty')}>
        <p>
          {filtered ? t('mentions.emptyFiltered') : params.spam ? t('mentions.spamEmptyHint') : t('mentions.emptyHint')}
        </p>
      </EmptyState>
    );
  }

  return (
    <>
      <div className="mention-list">
        {items.map((mention) => (
          <MentionItem
            key={mention.id}
            mention={mention}
            lookups={lookups}
            actions={{
              onSpam: canJudgeSpam ? judge : undefined,
              pendingId: updateMention.isPending ? (updateMention.variables?.id ?? null) : null,
              ticketHref,
            }}
          />
        ))}
      </div>
      <LoadMore query={mentions} />
    </>
  );
}
