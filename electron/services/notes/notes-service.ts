// Notes: Markdown written beside a document, a passage or a claim, stored in lowdb shards so each
// save rewrites one small file atomically; deletes can be undone until the library is reopened.
import { randomBytes } from 'node:crypto';
import type { Note, NoteDraft } from '../../../shared/types/notes.ts';
import { DossierError } from '../errors.ts';
import { makeAnchor, resolveAnchor } from '../anchors/anchors.ts';
import type { ShardedCollection } from '../storage/sharded-collection.ts';
import type { LibraryStore } from '../storage/library-store.ts';

const MAX_NOTE_CHARS = 1_000_000;

export class NotesService {
  constructor(
    private readonly notes: ShardedCollection<Note>,
    private readonly store: LibraryStore,
    /** Told which document's notes changed, after the change is saved. */
    private readonly onChanged: (docId: string | null) => Promise<void> = async () => {},
  ) {}

  /** Notes are purged for good, like documents, when deleted in an earlier run. */
  async purgeDeleted(): Promise<void> {
    for (const note of [...this.notes.values()]) if (note.deletedAt) await this.notes.delete(note.id);
  }

  private get(id: string): Note {
    const note = typeof id === 'string' ? this.notes.get(id) : undefined;
    if (!note || note.deletedAt) throw new DossierError('not-found', `No note with id ${String(id)}.`);
    return note;
  }

  private checkBody(body: unknown): string {
    if (typeof body !== 'string') throw new DossierError('bad-request', 'A note body must be text.');
    if (body.length > MAX_NOTE_CHARS) throw new DossierError('too-large', 'A note can hold at most one million characters.');
    return body;
  }

  async create(draft: NoteDraft): Promise<Note> {
    const body = this.checkBody(draft.body);
    let anchor = null;
    if (draft.docId) {
      this.store.get(draft.docId);
      if (draft.start !== undefined && draft.end !== undefined) {
        const text = await this.store.readText(draft.docId);
        if (!Number.isInteger(draft.start) || !Number.isInteger(draft.end) || draft.start < 0 || draft.end > text.length || draft.start >= draft.end) {
          throw new DossierError('bad-request', 'The passage for this note is outside the document.');
        }
        anchor = makeAnchor(text, draft.start, draft.end);
      }
    }
    const now = new Date().toISOString();
    const note: Note = { id: randomBytes(8).toString('hex'), docId: draft.docId ?? null, claimId: draft.claimId ?? null, anchor, body, createdAt: now, updatedAt: now, deletedAt: null };
    await this.notes.put(note.id, note);
    await this.onChanged(note.docId);
    return { ...note, attached: true };
  }

  async update(id: string, body: string): Promise<Note> {
    const note = { ...this.get(id), body: this.checkBody(body), updatedAt: new Date().toISOString() };
    await this.notes.put(id, note);
    await this.onChanged(note.docId);
    return note;
  }

  async delete(id: string): Promise<{ id: string }> {
    const note = this.get(id);
    await this.notes.put(id, { ...note, deletedAt: new Date().toISOString() });
    await this.onChanged(note.docId);
    return { id };
  }

  async restore(id: string): Promise<Note> {
    const note = typeof id === 'string' ? this.notes.get(id) : undefined;
    if (!note) throw new DossierError('not-found', `No note with id ${String(id)} can be restored.`);
    const restored = { ...note, deletedAt: null };
    await this.notes.put(id, restored);
    await this.onChanged(restored.docId);
    return restored;
  }

  /** Notes of one document (with their passages re-attached) or of the whole library, newest first. */
  async list(filter: { docId?: string; query?: string } = {}): Promise<Note[]> {
    const query = filter.query?.trim().toLowerCase();
    const notes = [...this.notes.values()].filter(
      (n) => !n.deletedAt && (!filter.docId || n.docId === filter.docId) && (!query || n.body.toLowerCase().includes(query)),
    );
    const texts = new Map<string, string | null>();
    const result: Note[] = [];
    for (const note of notes) {
      if (!note.anchor || !note.docId) {
        result.push({ ...note, attached: true });
        continue;
      }
      if (!texts.has(note.docId)) texts.set(note.docId, await this.store.readText(note.docId).catch(() => null));
      const text = texts.get(note.docId);
      const at = text === null || text === undefined ? null : resolveAnchor(text, note.anchor);
      result.push(at ? { ...note, anchor: { ...note.anchor, position: at }, attached: true } : { ...note, attached: false });
    }
    return result.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
  }
}
