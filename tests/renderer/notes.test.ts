// Notes against the real services: autosave after typing stops, nothing typed is lost (edits during a
// save, failed saves with retry), delete with undo, detached passages, the Notes view and Markdown safety.
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { setApi } from '@renderer/api';
import { useLibraryStore } from '@renderer/stores/library';
import { AUTOSAVE_DELAY_MS, useNotesStore } from '@renderer/stores/notes';
import { useUiStore } from '@renderer/stores/ui';
import NotesView from '@renderer/components/notes/NotesView.vue';
import NoteCard from '@renderer/components/notes/NoteCard.vue';
import MarkdownView from '@renderer/components/notes/MarkdownView.vue';
import ToastStack from '@renderer/components/shell/ToastStack.vue';
import { renderMarkdown } from '@renderer/lib/markdown';
import { createRealApi, type RealApi } from './real-api';

let real: RealApi;
beforeEach(async () => {
  real = await createRealApi();
  setApi(real.api);
  setActivePinia(createPinia());
});
afterEach(async () => {
  vi.useRealTimers();
  setApi(null);
  await real.dispose();
});

const TEXT = 'Some 3,000 soldiers crossed the ridge overnight.\n\nAid workers said 1,200 families had left.';

async function importDoc(text = TEXT, name = 'ridge.txt'): Promise<string> {
  const library = useLibraryStore();
  await library.load();
  const [result] = await library.importFiles([new File([text], name, { type: 'text/plain' })]);
  expect(result.status).toBe('imported');
  return result.id!;
}

async function storedBody(id: string): Promise<string | undefined> {
  return (await real.api.notes.list({})).find((n) => n.id === id)?.body;
}

describe('notes store', () => {
  it('creates a note on a passage and autosaves shortly after the last keystroke', async () => {
    const docId = await importDoc();
    const notes = useNotesStore();
    const note = await notes.create({ docId, start: 5, end: 19 });
    expect(note?.anchor?.quote.exact).toBe('3,000 soldiers');
    expect(notes.editingId).toBe(note!.id);
    expect(notes.forDoc(docId).map((n) => n.id)).toEqual([note!.id]);

    // The autosave clock is faked, so the delay is checked exactly however loaded the machine is.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    notes.edit(note!.id, 'Check **this**');
    expect(notes.drafts[note!.id].state).toBe('pending');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
    notes.edit(note!.id, 'Check **this** figure');
    // Each keystroke starts the wait again: nothing is saved until typing has stopped for the whole delay.
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
    expect(notes.drafts[note!.id].state).toBe('pending');
    vi.advanceTimersByTime(1);
    expect(notes.drafts[note!.id].state).toBe('saving');
    vi.useRealTimers();
    await vi.waitFor(() => expect(notes.drafts[note!.id].state).toBe('saved'), { timeout: 10_000, interval: 20 });
    expect(await storedBody(note!.id)).toBe('Check **this** figure');
  });

  it('keeps text typed while a save is on its way, and saves it right after', async () => {
    const docId = await importDoc();
    const notes = useNotesStore();
    const note = (await notes.create({ docId }))!;
    notes.edit(note.id, 'first');
    const saving = notes.save(note.id);
    expect(notes.drafts[note.id].state).toBe('saving');
    notes.edit(note.id, 'first and second');
    await saving;
    await vi.waitFor(() => expect(notes.drafts[note.id].state).toBe('saved'), { timeout: 3000, interval: 20 });
    expect(notes.bodyOf(note.id)).toBe('first and second');
    expect(await storedBody(note.id)).toBe('first and second');
  });

  it('keeps the draft when a save fails, says so, and saves on retry', async () => {
    const docId = await importDoc();
    const notes = useNotesStore();
    const note = (await notes.create({ docId }))!;
    setApi({ ...real.api, notes: { ...real.api.notes, update: () => Promise.reject(new Error('The disk is full.')) } });
    notes.edit(note.id, 'Precious words');
    await notes.save(note.id);
    expect(notes.drafts[note.id]).toMatchObject({ state: 'error', error: 'The disk is full.', body: 'Precious words' });
    expect(notes.unsaved).toEqual([note.id]);
    expect(notes.bodyOf(note.id)).toBe('Precious words');

    setApi(real.api);
    await notes.retry(note.id);
    expect(notes.drafts[note.id].state).toBe('saved');
    expect(notes.unsaved).toEqual([]);
    expect(await storedBody(note.id)).toBe('Precious words');
  });

  it('deletes with undo, bringing the note back with its anchor', async () => {
    const docId = await importDoc();
    const notes = useNotesStore();
    const ui = useUiStore();
    const note = (await notes.create({ docId, claimId: 'c1', start: 0, end: 48 }, 'About the crossing'))!;
    await notes.remove(note.id);
    expect(notes.forDoc(docId)).toEqual([]);
    expect(await storedBody(note.id)).toBeUndefined();
    const toast = ui.toasts.at(-1)!;
    expect(toast.message).toBe('Note deleted.');
    await toast.action!.run();
    await vi.waitFor(() => expect(notes.forDoc(docId).map((n) => n.body)).toEqual(['About the crossing']));
    expect(notes.forDoc(docId)[0]).toMatchObject({ claimId: 'c1', anchor: { position: { start: 0, end: 48 } } });
  });

  it('removes a new note that was left empty, and keeps one with text', async () => {
    const docId = await importDoc();
    const notes = useNotesStore();
    const empty = (await notes.create({ docId }))!;
    await notes.finishEditing(empty.id);
    expect(notes.byId[empty.id]).toBeUndefined();
    expect(await storedBody(empty.id)).toBeUndefined();
    const kept = (await notes.create({ docId }))!;
    notes.edit(kept.id, 'keep me');
    await notes.finishEditing(kept.id);
    expect(await storedBody(kept.id)).toBe('keep me');
  });

  it('lists notes in document order and finds them across the library', async () => {
    const docId = await importDoc();
    const notes = useNotesStore();
    await notes.create({ docId, start: 50, end: 61 }, 'second passage');
    await notes.create({ docId, start: 0, end: 4 }, 'first passage');
    await notes.create({ docId }, 'whole document');
    expect(notes.forDoc(docId).map((n) => n.body)).toEqual(['whole document', 'first passage', 'second passage']);
    await notes.search('passage');
    expect(notes.searchResults.map((n) => n.body).sort()).toEqual(['first passage', 'second passage']);
  });
});

describe('notes components', () => {
  it('autosaves from the editor with a visible state, and renders the Markdown', async () => {
    const docId = await importDoc();
    const notes = useNotesStore();
    const note = (await notes.create({ docId, start: 5, end: 19 }))!;
    const wrapper = mount(NoteCard, { props: { note: notes.byId[note.id] }, attachTo: document.body });
    await flushPromises();
    const area = wrapper.get('textarea[aria-label="Note text"]');
    expect(document.activeElement).toBe(area.element);
    await area.setValue('A *claim* worth checking');
    expect(wrapper.text()).toContain('Unsaved changes');
    await vi.waitFor(() => expect(wrapper.text()).toContain('Saved'), { timeout: 3000, interval: 20 });
    expect(wrapper.get('.note-preview em').text()).toBe('claim');
    expect(wrapper.text()).toContain('“3,000 soldiers”');
    await wrapper.findAll('button').find((b) => b.text() === 'Done')!.trigger('click');
    await flushPromises();
    expect(wrapper.find('textarea').exists()).toBe(false);
    expect(wrapper.get('.note-body em').text()).toBe('claim');
    wrapper.unmount();
  });

  it('shows "passage no longer found" when the anchored text is gone from the document', async () => {
    const docId = await importDoc();
    const notes = useNotesStore();
    await notes.create({ docId, start: 5, end: 19 }, 'About the figure');
    // The document's text changes (as after re-extraction) and the quoted passage is gone.
    writeFileSync(`${real.services.store.docDir(docId)}/text.txt`, 'An entirely different text about harvests.');
    await notes.loadForDoc(docId);
    const [note] = notes.forDoc(docId);
    expect(note.attached).toBe(false);
    const wrapper = mount(NoteCard, { props: { note } });
    expect(wrapper.text()).toContain('passage no longer found');
    expect(wrapper.get('button.note-quote').attributes('disabled')).toBeDefined();
    wrapper.unmount();
  });

  it('lists every note in the Notes view, searches them, and offers Undo after a delete', async () => {
    const docId = await importDoc();
    const wrapper = mount({ components: { NotesView, ToastStack }, template: '<div><NotesView /><ToastStack /></div>' }, { attachTo: document.body });
    await flushPromises();
    expect(wrapper.text()).toContain('No notes yet');

    const notes = useNotesStore();
    await notes.create({ docId, start: 5, end: 19 }, 'Soldiers figure disputed');
    await notes.create({ docId }, 'Families figure from aid workers');
    notes.editingId = null;
    await notes.search('');
    await flushPromises();
    expect(wrapper.findAll('.note-card')).toHaveLength(2);
    expect(wrapper.text()).toContain('Some 3,000 soldiers crossed the ridge overnight.');

    const input = wrapper.get('input[aria-label="Search notes"]');
    await input.setValue('soldiers');
    await vi.waitFor(() => expect(wrapper.findAll('.note-card')).toHaveLength(1), { timeout: 2000 });
    expect(wrapper.text()).toContain('Soldiers figure disputed');

    await wrapper.get('button[aria-label="Delete note"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.findAll('.note-card')).toHaveLength(0));
    const undo = wrapper.findAll('button').find((b) => b.text() === 'Undo')!;
    await undo.trigger('click');
    await vi.waitFor(() => expect(wrapper.findAll('.note-card')).toHaveLength(1));
    wrapper.unmount();
  });
});

// happy-dom's tree walking does not let DOMPurify visit elements, so the sanitiser's own work (and its
// link hook) is checked in Chromium by tests/e2e/reader.spec.ts; here markdown-it's side is checked.
describe('Markdown rendering', () => {
  it('escapes raw HTML and drops script links', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)> [bad](javascript:alert(1)) [good](https://example.org)');
    const box = document.createElement('div');
    box.innerHTML = html;
    expect(box.querySelector('script, img')).toBeNull();
    expect(box.textContent).toContain('<script>alert(1)</script>');
    const links = Array.from(box.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org']);
  });

  it('renders notes through MarkdownView', () => {
    const wrapper = mount(MarkdownView, { props: { source: 'Intro\n\n- one\n- **two**' } });
    expect(wrapper.findAll('li')).toHaveLength(2);
    expect(wrapper.get('strong').text()).toBe('two');
  });
});
