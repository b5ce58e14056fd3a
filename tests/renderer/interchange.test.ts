// The export and import store and dialog against the real services: Import files routes an archive and a
// Hypothesis export to their imports (a CSL-JSON list stays a reference import), the dialog exports a
// collection's archive as a download and shows the last import's report, and errors are told in words.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { setApi } from '@renderer/api';
import { useLibraryStore } from '@renderer/stores/library';
import { importKindOf, jsonLooksLikeAnnotations, useInterchangeStore } from '@renderer/stores/interchange';
import { useUiStore } from '@renderer/stores/ui';
import ExchangeDialog from '@renderer/components/library/ExchangeDialog.vue';
import ClaimItem from '@renderer/components/claims/ClaimItem.vue';
import { createRealApi, type RealApi } from './real-api';

let real: RealApi;
let other: RealApi;
beforeEach(async () => {
  real = await createRealApi({ claims: true });
  other = await createRealApi({ claims: true });
  setApi(real.api);
  setActivePinia(createPinia());
});
afterEach(async () => {
  setApi(null);
  await real.dispose();
  await other.dispose();
});

const REPORT = 'Flooding closes the river road\n\nThe river rose 3.2 metres overnight and 140 homes were flooded, the county said.';

describe('interchange store', () => {
  it('tells archives, annotation files and reference lists apart', () => {
    expect(importKindOf('Story.dossier.zip')).toBe('archive');
    expect(importKindOf('notes.jsonld')).toBe('annotations');
    expect(importKindOf('refs.json')).toBeNull();
    expect(jsonLooksLikeAnnotations('{"annotations": [], "export_date": "2024-01-01"}')).toBe(true);
    expect(jsonLooksLikeAnnotations('[{"uri": "https://x.org", "target": [{"source": "https://x.org"}]}]')).toBe(true);
    expect(jsonLooksLikeAnnotations('[{"id": "a", "type": "article-newspaper", "title": "T"}]')).toBe(false);
    expect(jsonLooksLikeAnnotations('not json')).toBe(false);
  });

  it('imports an archive and a Hypothesis export dropped on Import files, and reports both', async () => {
    const [doc] = await other.api.library.import({ files: [{ name: 'flood.txt', dataBase64: Buffer.from(REPORT).toString('base64') }] });
    const start = REPORT.indexOf('140 homes');
    await other.api.notes.create({ docId: doc!.id!, start, end: start + 9, body: 'Ask the county for the list.' });
    const archive = await other.api.library.exportArchive();
    const library = useLibraryStore();
    const ui = useUiStore();
    await library.load();
    const bytes = Buffer.from(archive.dataBase64, 'base64');
    const hypothesis = { annotations: [{ id: 'h1', uri: 'https://example.org/flood', text: 'Check the gauge data.', tags: [], target: [{ source: 'https://example.org/flood', selector: [{ type: 'TextQuoteSelector', exact: 'The river rose 3.2 metres overnight', prefix: '', suffix: '' }] }] }] };
    await library.importFiles([new File([bytes], archive.fileName), new File([JSON.stringify(hypothesis)], 'hypothesis.json')]);
    await flushPromises();
    expect(library.documents.map((d) => d.title)).toEqual(['Flooding closes the river road']);
    expect(ui.toasts.map((t) => t.message)).toEqual([
      'Imported library.dossier.zip: 1 document added, 1 note, 0 claim reviews, 0 briefs.',
      'Imported hypothesis.json: 1 note and 0 claim reviews added.',
    ]);
    expect(useInterchangeStore().lastImport).toMatchObject({ kind: 'annotations', file: 'hypothesis.json' });
    expect((await real.api.notes.list({})).map((n) => n.body).sort()).toEqual(['Ask the county for the list.', 'Check the gauge data.']);
  });

  it('exports from the dialog as a download, and says why a damaged archive was refused', async () => {
    await real.api.library.import({ files: [{ name: 'flood.txt', dataBase64: Buffer.from(REPORT).toString('base64') }] });
    const library = useLibraryStore();
    await library.load();
    const clicks: string[] = [];
    const createObjectURL = vi.fn(() => 'blob:archive');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const wrapper = mount(ExchangeDialog, { attachTo: document.body });
    await wrapper.get('button.primary').trigger('click');
    await vi.waitFor(() => expect(clicks).toEqual(['library.dossier.zip']));
    expect(useUiStore().toasts.at(-1)?.message).toBe('Exported the library archive (1 document, 0 notes, 0 claim reviews, 0 briefs) as library.dossier.zip.');
    await wrapper.get('input[value="vault"]').setValue(true);
    await wrapper.get('button.primary').trigger('click');
    await vi.waitFor(() => expect(clicks.at(-1)).toBe('Dossier-vault.zip'));

    await useInterchangeStore().importArchive({ file: { name: 'broken.dossier.zip', dataBase64: Buffer.from('PK not a zip').toString('base64') } });
    expect(useUiStore().toasts.at(-1)).toMatchObject({ kind: 'error', message: 'Importing broken.dossier.zip failed: “broken.dossier.zip” cannot be imported: the file is cut short or is not a zip file. Nothing was changed.' });
    click.mockRestore();
    wrapper.unmount();
  });

  it('offers ClaimReview on a reviewed claim only, and saves it as a download', async () => {
    const [doc] = await real.api.library.import({ files: [{ name: 'flood.txt', dataBase64: Buffer.from(REPORT).toString('base64') }] });
    const claim = (await real.api.claims.list({ id: doc!.id! })).claims.find((c) => c.text.includes('140 homes'))!;
    const plain = mount(ClaimItem, { props: { claim, active: false, canCompare: false, editing: false } });
    expect(plain.find('[aria-label="Export as ClaimReview"]').exists()).toBe(false);
    const accepted = await real.api.claims.review({ docId: doc!.id!, claimId: claim.id, status: 'accepted' });
    const item = mount(ClaimItem, { props: { claim: accepted, active: false, canCompare: false, editing: false } });
    await item.get('[aria-label="Export as ClaimReview"]').trigger('click');
    expect(item.emitted('claimReview')?.[0]).toEqual([accepted]);
    const downloads: string[] = [];
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:review'), revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    await useInterchangeStore().exportClaimReview(doc!.id!, accepted);
    expect(downloads).toEqual([expect.stringMatching(/^claim-review-.*\.jsonld$/)]);
    expect(useUiStore().toasts.at(-1)?.message).toMatch(/^Exported the ClaimReview \(Accepted: the claim is as the source states it\)/);
    click.mockRestore();
  });
});
