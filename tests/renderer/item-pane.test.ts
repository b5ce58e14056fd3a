// The item pane and the library store against the real services: one document's fields saved when
// left and undone, several documents' tags and collections set at once, and the Library's sort.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { setApi } from '@renderer/api';
import { useLibraryStore } from '@renderer/stores/library';
import { useUiStore } from '@renderer/stores/ui';
import ItemPane from '@renderer/components/item/ItemPane.vue';
import { skipReason } from '@renderer/stores/library';
import { filterDocs } from '@renderer/lib/doc-filter';
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

async function twoDocuments() {
  const library = useLibraryStore();
  await library.load();
  await library.importFiles([file('a.txt', 'Harbour reopens\n\nThe harbour reopened on Monday.'), file('b.txt', 'Bridge closed\n\nThe bridge closed for 3 weeks.')]);
  const byTitle = Object.fromEntries(library.documents.map((d) => [d.title, d]));
  return { library, a: byTitle['Harbour reopens']!, b: byTitle['Bridge closed']! };
}

describe('item pane, one document', () => {
  it('saves a field when it is left, and undo restores it', async () => {
    const { library, a } = await twoDocuments();
    const wrapper = mount(ItemPane, { props: { docs: [a] } });
    await wrapper.get('textarea[aria-label="Title"]').setValue('Harbour reopens after storm');
    await wrapper.get('input[aria-label="Outlet"]').setValue('Port Gazette');
    await wrapper.get('input[aria-label="Published date"]').setValue('2023-11-06');
    // Saving writes files: wait for the real services rather than for a tick.
    await vi.waitFor(() => expect(real.services.store.get(a.id)).toMatchObject({ title: 'Harbour reopens after storm', outlet: 'Port Gazette', published: '2023-11-06' }));
    await vi.waitFor(() => expect(library.documents.find((d) => d.id === a.id)).toMatchObject({ outlet: 'Port Gazette', published: '2023-11-06' }));
    expect(useUiStore().toasts.map((t) => t.message)).toContain('Published date set to 2023-11-06.');

    // Each undo takes back one saved change; three take the document back to how it was.
    await library.undo();
    await library.undo();
    const after2 = real.services.store.get(a.id);
    const stillEdited = [after2.title !== 'Harbour reopens', after2.outlet !== null, after2.published !== null].filter(Boolean);
    expect(stillEdited).toHaveLength(1);
    await library.undo();
    expect(real.services.store.get(a.id)).toMatchObject({ title: 'Harbour reopens', outlet: null, published: null });
    expect(await library.undo()).toBe(false);
  });

  it('shows the host’s refusal and puts the field back', async () => {
    const { a } = await twoDocuments();
    const wrapper = mount(ItemPane, { props: { docs: [a] } });
    await wrapper.get('input[aria-label="URL"]').setValue('not a url');
    await vi.waitFor(() => expect(useUiStore().toasts.at(-1)).toMatchObject({ kind: 'error', message: expect.stringContaining('A URL starts with http://') }));
    await flushPromises();
    expect((wrapper.get('input[aria-label="URL"]').element as HTMLInputElement).value).toBe('');
  });
});

describe('item pane, several documents', () => {
  it('adds a tag and a collection to all, and removes them from all', async () => {
    const { library, a, b } = await twoDocuments();
    const made = await library.createCollection('Waterfront');
    const wrapper = mount(ItemPane, { props: { docs: [a, b] } });
    expect(wrapper.text()).toContain('2 documents selected');
    await wrapper.get('input[aria-label="Add tag"]').setValue('transport');
    await wrapper.get('input[aria-label="Add tag"]').trigger('keydown', { key: 'Enter' });
    await vi.waitFor(() => expect(real.services.store.get(b.id).tags).toEqual(['transport']));
    await wrapper.setProps({ docs: library.documents.filter((d) => d.id === a.id || d.id === b.id) });
    await wrapper.get('select[aria-label="Add to collection"]').setValue(made!.id);
    for (const id of [a.id, b.id]) await vi.waitFor(() => expect(real.services.store.get(id)).toMatchObject({ tags: ['transport'], collections: [made!.id] }));
    await vi.waitFor(() => expect(library.collections.find((c) => c.id === made!.id)?.count).toBe(2));

    await wrapper.setProps({ docs: library.documents.filter((d) => d.id === a.id || d.id === b.id) });
    await wrapper.get('button[aria-label="Remove tag transport"]').trigger('click');
    await vi.waitFor(() => expect(real.services.store.get(a.id).tags).toEqual([]));
    expect(real.services.store.get(b.id).tags).toEqual([]);
  });
});

describe('library list', () => {
  it('sorts by title, outlet and date, and filters by collection', async () => {
    const { library, a, b } = await twoDocuments();
    await library.edit([{ id: a.id, changes: { published: '2020-01-01', outlet: 'Zeta News' } }, { id: b.id, changes: { published: '2022-05-05' } }], 'dates');
    library.setSort('title');
    expect(library.sorted.map((d) => d.title)).toEqual(['Bridge closed', 'Harbour reopens']);
    library.setSort('published');
    expect(library.sorted.map((d) => d.title)).toEqual(['Bridge closed', 'Harbour reopens']);
    library.setSort('published');
    expect(library.sorted.map((d) => d.title)).toEqual(['Harbour reopens', 'Bridge closed']);
    library.setSort('outlet');
    expect(library.sorted[0]!.title).toBe('Harbour reopens');
    const set = await library.createCollection('Bridges', [b.id]);
    library.activeCollection = set!.id;
    expect(library.sorted.map((d) => d.title)).toEqual(['Bridge closed']);
    expect(filterDocs(library.documents, { collection: set!.id, tag: '', text: '' }).map((d) => d.id)).toEqual([b.id]);
    expect(filterDocs(library.documents, { collection: '', tag: '', text: 'zeta harb' }).map((d) => d.id)).toEqual([a.id]);
  });

  it('says why a file in a folder is skipped', () => {
    expect(skipReason('reports/a.txt')).toBeNull();
    expect(skipReason('reports/.git/config')).toBe('hidden file or folder');
    expect(skipReason('reports/sheet.xlsx')).toMatch(/^\.xlsx files are not imported/);
    expect(skipReason('reports/README')).toMatch(/^a file without an extension is not imported/);
  });
});
