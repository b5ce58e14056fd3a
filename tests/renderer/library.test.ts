// Library store and view against the real services: import, list, open, delete with undo, empty state.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { setApi } from '@renderer/api';
import { useLibraryStore } from '@renderer/stores/library';
import { useUiStore } from '@renderer/stores/ui';
import { useReaderStore } from '@renderer/stores/reader';
import { useSearchStore } from '@renderer/stores/search';
import LibraryView from '@renderer/components/library/LibraryView.vue';
import SearchResults from '@renderer/components/library/SearchResults.vue';
import ToastStack from '@renderer/components/shell/ToastStack.vue';
import { createRealApi, type RealApi } from './real-api';

let real: RealApi;
beforeEach(async () => {
  real = await createRealApi();
  setApi(real.api);
  setActivePinia(createPinia());
});
afterEach(async () => {
  setApi(null);
  await real.dispose();
});

const file = (name: string, text: string) => new File([text], name, { type: 'text/plain' });

describe('library store', () => {
  it('imports files, lists them and reports duplicates and errors', async () => {
    const library = useLibraryStore();
    const ui = useUiStore();
    await library.load();
    expect(library.documents).toEqual([]);
    const results = await library.importFiles([file('a.txt', 'The mayor said 300 homes flooded.'), file('empty.txt', '')]);
    expect(results.map((r) => r.status)).toEqual(['imported', 'error']);
    expect(library.documents.map((d) => d.title)).toEqual(['The mayor said 300 homes flooded.']);
    expect(ui.toasts.map((t) => t.kind)).toEqual(['success', 'error']);
    await library.importFiles([file('again.txt', 'The mayor said 300 homes flooded.')]);
    expect(ui.toasts.at(-1)?.message).toMatch(/already in the library/);
    expect(library.progress).toBeNull();
  });

  it('shows the first screenful first, and the whole list once that is painted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-rows-'));
    const paths = Array.from({ length: 130 }, (_, i) => {
      const path = join(dir, `report-${i}.txt`);
      writeFileSync(path, `Report ${i}: the river rose ${i} centimetres.`);
      return path;
    });
    await real.services.library.importPaths(paths);
    const library = useLibraryStore();
    const painted = vi.spyOn(window, 'requestAnimationFrame');
    await library.load();
    expect(library.documents).toHaveLength(100);
    expect(painted).toHaveBeenCalled();
    await vi.waitFor(() => expect(library.documents).toHaveLength(130));
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds documents by full-text search, newest query winning', async () => {
    const library = useLibraryStore();
    const search = useSearchStore();
    await library.load();
    await library.importFiles([file('a.txt', 'Rainfall doubled in March.'), file('b.txt', 'Exports fell by 4 percent.')]);
    search.query = 'exports';
    await search.run();
    expect(search.result?.hits.map((h) => h.title)).toEqual(['Exports fell by 4 percent.']);
    search.clear();
    await flushPromises();
    expect(search.result).toBeNull();
  });
});

describe('SearchResults', () => {
  it('highlights the matched words and says when a note is what matched', async () => {
    const library = useLibraryStore();
    const search = useSearchStore();
    await library.load();
    const [result] = await library.importFiles([file('a.txt', 'Rainfall doubled in March across the delta.')]);
    await real.api.notes.create({ docId: result.id!, body: 'Check the gauge at Pellworm.' });
    search.query = 'rainfall';
    await search.run();
    let wrapper = mount(SearchResults, { props: { hits: search.result!.hits, total: search.result!.total, tookMs: 1, query: 'rainfall', filtered: false } });
    expect(wrapper.find('mark').text()).toBe('Rainfall');
    expect(wrapper.find('.hit-notes').exists()).toBe(false);
    wrapper.unmount();
    search.query = 'pellworm';
    await search.run();
    wrapper = mount(SearchResults, { props: { hits: search.result!.hits, total: search.result!.total, tookMs: 1, query: 'pellworm', filtered: false } });
    expect(wrapper.text()).toContain('1 document match');
    expect(wrapper.find('.hit-notes').text()).toBe('Mentioned in your notes');
    wrapper.unmount();
  });
});

describe('LibraryView', () => {
  it('shows an empty state, then the documents; delete offers undo', async () => {
    const wrapper = mount({ components: { LibraryView, ToastStack }, template: '<div><LibraryView /><ToastStack /></div>' }, { attachTo: document.body });
    const library = useLibraryStore();
    await library.load();
    await flushPromises();
    expect(wrapper.text()).toContain('Your library is empty');

    await library.importFiles([file('river.txt', 'The river rose by two metres overnight.')]);
    await flushPromises();
    expect(wrapper.text()).toContain('The river rose by two metres overnight.');

    await wrapper.get('button[aria-label^="Delete"]').trigger('click');
    await vi.waitFor(() => expect(library.documents).toHaveLength(0));
    await flushPromises();
    const undo = wrapper.findAll('button').find((b) => b.text() === 'Undo');
    expect(undo).toBeTruthy();
    await undo!.trigger('click');
    await vi.waitFor(() => expect(library.documents.map((d) => d.title)).toEqual(['The river rose by two metres overnight.']));
    wrapper.unmount();
  });

  it('opens a document in the reader', async () => {
    const wrapper = mount(LibraryView);
    const library = useLibraryStore();
    await library.load();
    await library.importFiles([file('port.txt', 'The port handled 2.5 million containers.')]);
    await flushPromises();
    await wrapper.get('button[aria-label^="Open"]').trigger('click');
    const reader = useReaderStore();
    expect(useUiStore().view).toBe('reader');
    await vi.waitFor(() => expect(reader.content?.text).toBe('The port handled 2.5 million containers.'));
    wrapper.unmount();
  });
});
