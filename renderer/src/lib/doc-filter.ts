// Narrowing a document list by collection, tag and words of the title, outlet or author: the one
// filter behind the Compare picker and the Brief's material, so both find documents the same way.
import type { DocumentSummary } from '../../../shared/types/library';

export interface DocFilter {
  /** Collection id, or '' for any. */
  collection: string;
  /** Tag (any case), or '' for any. */
  tag: string;
  text: string;
}

export function emptyFilter(): DocFilter {
  return { collection: '', tag: '', text: '' };
}

export function filterDocs(docs: readonly DocumentSummary[], filter: DocFilter): DocumentSummary[] {
  const words = filter.text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const tag = filter.tag.toLocaleLowerCase();
  return docs.filter((doc) => {
    if (filter.collection && !doc.collections.includes(filter.collection)) return false;
    if (tag && !doc.tags.some((t) => t.toLocaleLowerCase() === tag)) return false;
    if (!words.length) return true;
    const hay = `${doc.title} ${doc.outlet ?? ''} ${doc.author ?? ''} ${doc.tags.join(' ')}`.toLocaleLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
