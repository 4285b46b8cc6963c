import { TAG_KINDS, type Tag, type TagKind } from '@dengar/contracts';
import { useState } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { LoadMore } from '../../../components/load-more';
import { Table } from '../../../components/table';
import { useT } from '../../../i18n/i18n-provider';
import { useTags } from '../api/get-tags';
import { DeleteTagDialog } from './delete-tag-dialog';
import { TagDialog, type TagEditing } from './tag-dialog';
import '../tags.css';

/** A tag's colour as a small swatch beside its name (the name carries the meaning, the colour is decoration). */
export function TagSwatch({ color }: { color: string }) {
  return <span className="tag-swatch" style={{ backgroundColor: color }} aria-hidden="true" />;
}

/** Tags grouped by kind, each group with its own "New" button. */
export function TagsList({
  onSaved,
  onDeleted,
}: {
  onSaved: (tag: Tag, created: boolean) => void;
  onDeleted: (tag: Tag) => void;
}) {
  const t = useT();
  const tags = useTags();
  const [editing, setEditing] = useState<TagEditing>(null);
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const items = tags.data.pages.flatMap((page) => page.items);
  const byKind = (kind: TagKind) =>
    items.filter((tag) => tag.kind === kind).sort((a, b) => a.name.localeCompare(b.name));

  return (
    <>
      {TAG_KINDS.map((kind) => {
        const group = byKind(kind);
        const headingId = `tags-${kind}-heading`;
        return (
          <section key={kind} className="card" aria-labelledby={headingId}>
            <div className="section-header">
              <h3 id={headingId}>{t(`care.tags.kindPlural.${kind}`)}</h3>
              <button type="button" className="button" onClick={() => setEditing({ kind })}>
                {t(`care.tags.new.${kind}`)}
              </button>
            </div>
            <p className="muted">{t(`care.tags.kindHint.${kind}`)}</p>
            {group.length === 0 ? (
              <EmptyState title={t('care.tags.empty')} />
            ) : (
              <Table
                caption={t(`care.tags.kindPlural.${kind}`)}
                head={
                  <>
                    <th scope="col">{t('care.tags.col.name')}</th>
                    <th scope="col">{t('care.tags.col.color')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('users.col.actions')}</span>
                    </th>
                  </>
                }
              >
                {group.map((tag) => (
                  <tr key={tag.id}>
                    <th scope="row">
                      <span className="tag-chip">
                        <TagSwatch color={tag.color} />
                        {tag.name}
                      </span>
                    </th>
                    <td>
                      <code>{tag.color}</code>
                    </td>
                    <td className="actions">
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('care.tags.editNamed', { name: tag.name })}
                        onClick={() => setEditing(tag)}
                      >
                        {t('common.edit')}
                      </button>{' '}
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('care.tags.deleteNamed', { name: tag.name })}
                        onClick={() => setDeleting(tag)}
                      >
                        {t('common.delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </Table>
            )}
          </section>
        );
      })}
      <LoadMore query={tags} />
      <TagDialog editing={editing} onClose={() => setEditing(null)} onSaved={onSaved} />
      <DeleteTagDialog tag={deleting} onClose={() => setDeleting(null)} onDeleted={onDeleted} />
    </>
  );
}
