// Notes state: notes per document and library-wide search, Markdown drafts that autosave shortly after
// the last keystroke and stay in the store until the host acknowledges them, and delete with undo.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Note, NoteDraft } from '../../../shared/types/notes';
import { errorMessage, useApi } from '../api';
import { useUiStore } from './ui';

/** Quiet time after the last keystroke before a note saves: well inside the one-second promise. */
export const AUTOSAVE_DELAY_MS = 600;

export type SaveState = 'pending' | 'saving' | 'saved' | 'error';

export interface Draft {
  body: string;
  state: SaveState;
  error: string | null;
}

/** Notes about a claim anchor the claim's passage too, so they survive re-extraction changing claim ids. */
export interface NoteTarget {
  docId: string | null;
  claimId?: string | null;
  start?: number;
  end?: number;
}

function documentOrder(a: Note, b: Note): number {
  const pa = a.anchor?.position.start ?? -1;
  const pb = b.anchor?.position.start ?? -1;
  return pa - pb || (a.createdAt < b.createdAt ? -1 : 1);
}

export const useNotesStore = defineStore('notes', () => {
  const byId = ref<Record<string, Note>>({});
  const drafts = ref<Record<string, Draft>>({});
  /** The note whose editor should be open and focused (a new note, or one the user chose to edit). */
  const editingId = ref<string | null>(null);
  /** Set when the user asked to write (new note, Edit): the editor takes focus once, not on every remount. */
  const focusRequest = ref<string | null>(null);
  const loadedDocs = ref<Record<string, boolean>>({});
  const docErrors = ref<Record<string, string>>({});
  const query = ref('');
  const searchIds = ref<string[] | null>(null);
  const searching = ref(false);
  const searchError = ref<string | null>(null);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const inflight = new Map<string, Promise<void>>();
  let searchGeneration = 0;

  function forDoc(docId: string): Note[] {
    return Object.values(byId.value)
      .filter((n) => n.docId === docId)
      .sort(documentOrder);
  }

  /** Library-wide results for the Notes view, newest first, always reflecting the latest edits. */
  const searchResults = computed<Note[]>(() => (searchIds.value ?? []).map((id) => byId.value[id]).filter((n): n is Note => !!n));

  /** True once the library-wide list has been fetched, so the Notes view can tell "none" from "not yet". */
  const searched = computed(() => searchIds.value !== null);

  const unsaved = computed(() => Object.entries(drafts.value).filter(([, d]) => d.state !== 'saved').map(([id]) => id));

  function merge(notes: Note[]): void {
    for (const note of notes) {
      // A note with a draft in progress keeps its typed text; only the metadata (anchor, attached) refreshes.
      byId.value[note.id] = note;
    }
  }

  async function loadForDoc(docId: string): Promise<void> {
    try {
      const notes = await useApi().notes.list({ docId });
      for (const id of Object.keys(byId.value)) if (byId.value[id].docId === docId && !notes.some((n) => n.id === id)) delete byId.value[id];
      merge(notes);
      loadedDocs.value[docId] = true;
      delete docErrors.value[docId];
    } catch (e) {
      docErrors.value[docId] = errorMessage(e);
    }
  }

  async function search(text = query.value): Promise<void> {
    query.value = text;
    const mine = ++searchGeneration;
    searching.value = true;
    try {
      const notes = await useApi().notes.list({ query: text.trim() || undefined });
      if (mine !== searchGeneration) return;
      merge(notes);
      searchIds.value = notes.map((n) => n.id);
      searchError.value = null;
    } catch (e) {
      if (mine === searchGeneration) searchError.value = errorMessage(e);
    } finally {
      if (mine === searchGeneration) searching.value = false;
    }
  }

  /** Creates an empty note attached to the target and opens its editor. */
  async function create(target: NoteTarget, body = ''): Promise<Note | null> {
    const draft: NoteDraft = { docId: target.docId, claimId: target.claimId ?? null, body };
    if (target.start !== undefined && target.end !== undefined && target.end > target.start) {
      draft.start = target.start;
      draft.end = target.end;
    }
    try {
      const note = await useApi().notes.create(draft);
      byId.value[note.id] = note;
      if (searchIds.value) searchIds.value = [note.id, ...searchIds.value];
      startEditing(note.id);
      return note;
    } catch (e) {
      useUiStore().notify(`Could not create the note: ${errorMessage(e)}`, { kind: 'error' });
      return null;
    }
  }

  function startEditing(id: string): void {
    editingId.value = id;
    focusRequest.value = id;
  }

  /** The text the editor shows: the draft while one exists, else the stored body. */
  function bodyOf(id: string): string {
    return drafts.value[id]?.body ?? byId.value[id]?.body ?? '';
  }

  function edit(id: string, body: string): void {
    const draft = drafts.value[id];
    if (draft) {
      draft.body = body;
      if (draft.state !== 'saving') draft.state = 'pending';
    } else drafts.value[id] = { body, state: 'pending', error: null };
    const timer = timers.get(id);
    if (timer) clearTimeout(timer);
    timers.set(
      id,
      setTimeout(() => {
        timers.delete(id);
        void save(id);
      }, AUTOSAVE_DELAY_MS),
    );
  }

  /** Saves one draft now. Saves of one note never overlap: text typed during a save is saved right after. */
  async function save(id: string): Promise<void> {
    const running = inflight.get(id);
    if (running) {
      await running;
      const draft = drafts.value[id];
      if (draft && draft.state === 'pending' && !timers.has(id)) return save(id);
      return;
    }
    const draft = drafts.value[id];
    if (!draft) return;
    const timer = timers.get(id);
    if (timer) {
      clearTimeout(timer);
      timers.delete(id);
    }
    const body = draft.body;
    draft.state = 'saving';
    draft.error = null;
    const attempt = (async () => {
      try {
        const saved = await useApi().notes.update({ id, body });
        const current = drafts.value[id];
        if (byId.value[id]) byId.value[id] = { ...byId.value[id], body: saved.body, updatedAt: saved.updatedAt };
        if (!current) return;
        // Text typed while this save was on its way is newer than what was saved: keep it pending.
        current.state = current.body === body ? 'saved' : 'pending';
      } catch (e) {
        const current = drafts.value[id];
        if (current) {
          current.state = 'error';
          current.error = errorMessage(e);
        }
      } finally {
        inflight.delete(id);
      }
    })();
    inflight.set(id, attempt);
    await attempt;
    const after = drafts.value[id];
    if (after?.state === 'pending' && !timers.has(id)) await save(id);
  }

  function retry(id: string): Promise<void> {
    return save(id);
  }

  /** Saves every waiting draft at once (before the window closes, or when leaving a view). */
  async function flush(): Promise<void> {
    await Promise.all(Object.entries(drafts.value).filter(([, d]) => d.state === 'pending' || d.state === 'error').map(([id]) => save(id)));
  }

  /** Closes the editor; a new note left empty is removed rather than kept as a blank card. */
  async function finishEditing(id: string): Promise<void> {
    if (editingId.value === id) editingId.value = null;
    if (!bodyOf(id).trim() && byId.value[id]) {
      await save(id);
      if (drafts.value[id]?.state === 'error') return;
      await discard(id);
    } else if (drafts.value[id]?.state === 'pending') await save(id);
  }

  async function discard(id: string): Promise<void> {
    forget(id);
    try {
      await useApi().notes.delete({ id });
    } catch {
      /* an empty note left behind does no harm; it shows again on the next load */
    }
  }

  function forget(id: string): Note | undefined {
    const note = byId.value[id];
    const timer = timers.get(id);
    if (timer) clearTimeout(timer);
    timers.delete(id);
    delete drafts.value[id];
    delete byId.value[id];
    if (editingId.value === id) editingId.value = null;
    return note;
  }

  /** Deletes a note and offers Undo, which brings it back with its anchor. */
  async function remove(id: string): Promise<void> {
    const ui = useUiStore();
    // Unsaved text goes out with the note; saving it first means Undo restores what the user saw.
    if (drafts.value[id] && drafts.value[id].state !== 'saved') await save(id);
    try {
      await useApi().notes.delete({ id });
    } catch (e) {
      ui.notify(`Could not delete the note: ${errorMessage(e)}`, { kind: 'error' });
      return;
    }
    const removed = forget(id);
    ui.notify('Note deleted.', { action: { label: 'Undo', run: () => restore(id, removed) } });
  }

  async function restore(id: string, previous?: Note): Promise<void> {
    try {
      const restored = await useApi().notes.restore({ id });
      byId.value[id] = { ...previous, ...restored, attached: previous?.attached ?? true };
      if (searchIds.value && !searchIds.value.includes(id)) searchIds.value = [id, ...searchIds.value];
      if (restored.docId) void loadForDoc(restored.docId);
    } catch (e) {
      useUiStore().notify(`Could not restore the note: ${errorMessage(e)}`, { kind: 'error' });
    }
  }

  return {
    byId,
    drafts,
    editingId,
    focusRequest,
    loadedDocs,
    docErrors,
    query,
    searchResults,
    searched,
    searching,
    searchError,
    unsaved,
    forDoc,
    loadForDoc,
    search,
    create,
    bodyOf,
    startEditing,
    edit,
    save,
    retry,
    flush,
    finishEditing,
    remove,
    restore,
  };
});
