// Briefs: the list, the one being composed, edits saved as they happen, delete with undo, and export.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { Brief, BriefItem, ResolvedGroup } from '../../../shared/types/brief';
import type { ClaimSet } from '../../../shared/types/claims';
import { downloadExport, errorMessage, useApi } from '../api';
import { useUiStore } from './ui';
import { downloadBlob } from '../lib/download';

export type ExportFormat = 'md' | 'html' | 'pdf' | 'docx';
type NewItem = BriefItem extends infer T ? (T extends BriefItem ? Omit<T, 'id'> : never) : never;

function newItemId(): string {
  return Math.random().toString(16).slice(2, 14);
}

export const useBriefsStore = defineStore('briefs', () => {
  const briefs = ref<Brief[]>([]);
  const currentId = ref<string | null>(null);
  const loaded = ref(false);
  const saving = ref<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const saveError = ref<string | null>(null);
  const exporting = ref<ExportFormat | null>(null);
  /** How far the running export has got, 0 to 1, once the host has said. */
  const exportProgress = ref<number | null>(null);
  /** Claim sets of the documents a brief cites, to show each claim's source and certainty. */
  const claimSets = shallowRef<Record<string, ClaimSet>>({});
  /** Comparison items as the export will show them (figures, who, when, verdict), by their documents and label. */
  const groups = shallowRef<Record<string, ResolvedGroup | { error: string }>>({});
  let saveTimer: ReturnType<typeof setTimeout> | null = null;

  const current = computed(() => briefs.value.find((b) => b.id === currentId.value) ?? null);

  async function load(): Promise<void> {
    try {
      briefs.value = await useApi().briefs.list();
      if (!current.value) currentId.value = briefs.value[0]?.id ?? null;
      loaded.value = true;
      await Promise.all([loadClaims(), loadGroups()]);
    } catch (e) {
      useUiStore().notify(`Could not load briefs: ${errorMessage(e)}`, { kind: 'error' });
    }
  }

  function groupKey(item: { docIds: string[]; label: string }): string {
    return `${item.docIds.join(',')}\n${item.label}`;
  }

  async function loadGroups(): Promise<void> {
    const wanted = current.value?.items.flatMap((i) => (i.type === 'group' ? [i] : [])) ?? [];
    const next = { ...groups.value };
    let changed = false;
    for (const item of wanted) {
      const key = groupKey(item);
      if (next[key]) continue;
      try {
        next[key] = await useApi().briefs.group({ docIds: item.docIds, label: item.label });
      } catch (e) {
        next[key] = { error: errorMessage(e) };
      }
      changed = true;
    }
    if (changed) groups.value = next;
  }

  async function loadClaims(): Promise<void> {
    const ids = new Set(current.value?.items.flatMap((i) => (i.type === 'claim' ? [i.docId] : [])) ?? []);
    const next = { ...claimSets.value };
    for (const id of ids) {
      if (next[id]) continue;
      try {
        next[id] = await useApi().claims.list({ id });
      } catch {
        /* the document may be gone; the item then shows its stored quote */
      }
    }
    claimSets.value = next;
  }

  function replace(brief: Brief): void {
    const index = briefs.value.findIndex((b) => b.id === brief.id);
    if (index >= 0) briefs.value.splice(index, 1, brief);
    else briefs.value.unshift(brief);
  }

  async function create(title = 'Untitled brief'): Promise<Brief | null> {
    try {
      const brief = await useApi().briefs.create({ title });
      replace(brief);
      currentId.value = brief.id;
      return brief;
    } catch (e) {
      useUiStore().notify(`Could not create a brief: ${errorMessage(e)}`, { kind: 'error' });
      return null;
    }
  }

  async function select(id: string): Promise<void> {
    currentId.value = id;
    await Promise.all([loadClaims(), loadGroups()]);
  }

  /** Saves the current brief; text edits wait for a pause in typing, structural edits go at once. */
  function save(delay = 0): void {
    const brief = current.value;
    if (!brief) return;
    saving.value = 'saving';
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(async () => {
      saveTimer = null;
      try {
        const saved = await useApi().briefs.update({ id: brief.id, title: brief.title, items: brief.items });
        if (!saveTimer) {
          replace({ ...saved, items: current.value?.id === saved.id ? current.value.items : saved.items });
          saving.value = 'saved';
          saveError.value = null;
        }
      } catch (e) {
        saving.value = 'error';
        saveError.value = errorMessage(e);
      }
    }, delay);
  }

  function ensureCurrent(): Brief | null {
    return current.value;
  }

  function addItem(item: NewItem, at?: number): void {
    const brief = ensureCurrent();
    if (!brief) return;
    const full = { ...item, id: newItemId() } as BriefItem;
    if (at === undefined || at < 0 || at > brief.items.length) brief.items.push(full);
    else brief.items.splice(at, 0, full);
    save();
  }

  async function addClaim(docId: string, claimId: string, at?: number): Promise<void> {
    const brief = ensureCurrent();
    if (!brief) return;
    try {
      const item = await useApi().briefs.claimItem({ docId, claimId });
      if (at === undefined || at < 0 || at > brief.items.length) brief.items.push(item);
      else brief.items.splice(at, 0, item);
      save();
      await loadClaims();
    } catch (e) {
      useUiStore().notify(`Could not add the claim: ${errorMessage(e)}`, { kind: 'error' });
    }
  }

  function addNote(noteId: string, at?: number): void {
    addItem({ type: 'note', noteId }, at);
  }

  function addGroup(docIds: string[], label: string, at?: number): void {
    if (!current.value) return;
    addItem({ type: 'group', docIds, label }, at);
    void loadGroups();
    useUiStore().notify(`Added “${label}” to “${current.value.title}”.`, { kind: 'success' });
  }

  function updateItem(id: string, patch: { text?: string; markdown?: string }): void {
    const item = current.value?.items.find((i) => i.id === id);
    if (!item) return;
    if (item.type === 'heading' && patch.text !== undefined) item.text = patch.text;
    if (item.type === 'text' && patch.markdown !== undefined) item.markdown = patch.markdown;
    save(600);
  }

  function removeItem(id: string): void {
    const brief = current.value;
    if (!brief) return;
    const index = brief.items.findIndex((i) => i.id === id);
    if (index < 0) return;
    const [removed] = brief.items.splice(index, 1);
    save();
    useUiStore().notify('Removed from the brief.', {
      action: {
        label: 'Undo',
        run: () => {
          brief.items.splice(index, 0, removed);
          save();
        },
      },
    });
  }

  function moveItem(from: number, to: number): void {
    const brief = current.value;
    if (!brief || from === to || from < 0 || from >= brief.items.length) return;
    const [item] = brief.items.splice(from, 1);
    brief.items.splice(Math.max(0, Math.min(to, brief.items.length)), 0, item);
    save();
  }

  function rename(title: string): void {
    if (!current.value) return;
    current.value.title = title;
    save(600);
  }

  async function duplicate(id: string): Promise<void> {
    try {
      const copy = await useApi().briefs.duplicate({ id });
      replace(copy);
      currentId.value = copy.id;
    } catch (e) {
      useUiStore().notify(`Could not duplicate: ${errorMessage(e)}`, { kind: 'error' });
    }
  }

  async function remove(id: string): Promise<void> {
    try {
      const deleted = await useApi().briefs.delete({ id });
      briefs.value = briefs.value.filter((b) => b.id !== id);
      if (currentId.value === id) currentId.value = briefs.value[0]?.id ?? null;
      useUiStore().notify(`Deleted brief “${deleted.title}”.`, {
        action: {
          label: 'Undo',
          run: async () => {
            const restored = await useApi().briefs.restore({ id });
            replace(restored);
            currentId.value = restored.id;
          },
        },
      });
    } catch (e) {
      useUiStore().notify(`Could not delete: ${errorMessage(e)}`, { kind: 'error' });
    }
  }

  async function exportAs(format: ExportFormat): Promise<void> {
    const brief = current.value;
    if (!brief) return;
    exporting.value = format;
    exportProgress.value = null;
    const stop = useApi().on('briefs:exportProgress', ({ briefId, done, total }) => {
      if (briefId === brief.id && total > 0) exportProgress.value = Math.min(1, done / total);
    });
    try {
      if (saveTimer) {
        clearTimeout(saveTimer);
        saveTimer = null;
        await useApi().briefs.update({ id: brief.id, title: brief.title, items: brief.items });
      }
      const file = await useApi().briefs.export({ id: brief.id, format });
      if (file.cancelled) return;
      // The desktop app has saved the file where the user chose; in a browser, it is fetched and downloaded.
      if (file.download) downloadBlob(file.fileName, await downloadExport(file.download));
      useUiStore().notify(file.savedTo ? `Exported ${file.fileName} to ${file.savedTo}.` : `Exported ${file.fileName}.`, { kind: 'success' });
    } catch (e) {
      useUiStore().notify(`Export failed: ${errorMessage(e)}`, { kind: 'error', timeout: 12000 });
    } finally {
      stop();
      exporting.value = null;
      exportProgress.value = null;
    }
  }

  return { briefs, currentId, current, loaded, saving, saveError, exporting, exportProgress, claimSets, groups, groupKey, loadGroups, load, create, select, addItem, addClaim, addNote, addGroup, updateItem, removeItem, moveItem, rename, duplicate, remove, exportAs, save };
});
