// The side-by-side reader against the real services (with the real claim engine): panes, claim
// highlights and review, related claims across panes, find, selections to offsets, PDF pages,
// progressive rendering of a large document, and the command palette.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { nextTick, reactive } from 'vue';
import type { DocumentContent } from '../../shared/types/library';
import { setApi } from '@renderer/api';
import { useLibraryStore } from '@renderer/stores/library';
import { MAX_PANES, PANEL_SHARE, PANEL_WIDTH, claimMatchesFilter, useReaderStore, type Pane } from '@renderer/stores/reader';
import { useNotesStore } from '@renderer/stores/notes';
import { useUiStore } from '@renderer/stores/ui';
import { blockIndexAt, findMatches, segmentBlock, splitBlocks } from '@renderer/lib/blocks';
import { selectionOffsets } from '@renderer/lib/selection';
import { DOC_DRAG_TYPE } from '@renderer/lib/dnd';
import { fuzzyFilter } from '@renderer/lib/fuzzy';
import ReaderView from '@renderer/components/reader/ReaderView.vue';
import DocumentText from '@renderer/components/reader/DocumentText.vue';
import CommandPalette from '@renderer/components/shell/CommandPalette.vue';
import { createRealApi, type RealApi } from './real-api';

const COURIER = [
  'Troops cross the Varna ridge as border talks stall',
  'Some 3,000 soldiers crossed the Varna ridge overnight, according to regional officials quoted by Radio Meridian.',
  'Aid workers reported that about 1,200 families had left the villages below the ridge since Monday.',
  'The defence ministry may announce further deployments later this week, a spokesman said.',
].join('\n\n');
const LEDGER = [
  'Ridge build-up far larger than first reported',
  'Analysts at the Orlen Institute said the first crossing involved nowhere near 3,000 soldiers, only a few hundred scouts.',
  'Satellite images suggest that 11,000 troops are now massed behind the Varna ridge, according to two Western diplomats.',
  'Roughly 2,000 families have fled the valley villages, the Red Lantern relief agency said.',
].join('\n\n');

let real: RealApi;
beforeEach(async () => {
  localStorage.clear();
  real = await createRealApi({ claims: true });
  setApi(real.api);
  setActivePinia(createPinia());
});
afterEach(async () => {
  document.body.innerHTML = '';
  setApi(null);
  await real.dispose();
});

async function importBoth(): Promise<{ courier: string; ledger: string }> {
  const library = useLibraryStore();
  await library.load();
  const results = await library.importFiles([new File([COURIER], 'courier.txt'), new File([LEDGER], 'ledger.txt')]);
  return { courier: results[0].id!, ledger: results[1].id! };
}

async function openBoth(): Promise<{ courier: string; ledger: string; reader: ReturnType<typeof useReaderStore> }> {
  const ids = await importBoth();
  const reader = useReaderStore();
  await reader.open(ids.courier);
  await reader.openBeside(ids.ledger);
  return { ...ids, reader };
}

describe('reader store', () => {
  it('opens documents in panes, beside each other, up to four, and keeps open(id, offset) for one-document callers', async () => {
    const { courier, ledger } = await importBoth();
    const reader = useReaderStore();
    await reader.open(courier, 10);
    expect(reader.panes.map((p) => p.docId)).toEqual([courier]);
    expect(reader.content?.text).toBe(COURIER);
    expect(reader.focusOffset).toBe(10);
    expect(reader.panes[0].claims?.claims.length).toBeGreaterThan(0);

    await reader.openBeside(ledger);
    expect(reader.panes.map((p) => p.docId)).toEqual([courier, ledger]);
    expect(reader.activePane?.docId).toBe(ledger);
    expect(reader.paneLabel(reader.panes[1])).toBe('Pane 2: Ridge build-up far larger than first reported');

    // Opening a document that is already showing brings its pane forward and scrolls it.
    await reader.open(courier, 40);
    expect(reader.panes).toHaveLength(2);
    expect(reader.activePane?.docId).toBe(courier);
    expect(reader.panes[0].focusOffset).toBe(40);

    for (let i = 0; i < 2; i++) await reader.openBeside(ledger);
    expect(reader.panes).toHaveLength(MAX_PANES);
    // A fifth closes a pane other than the active one: the message names it, and Undo brings it back.
    const before = reader.panes.map((p) => p.docId);
    reader.focusPane(reader.panes[0].id);
    await reader.openBeside(courier, 5);
    expect(reader.panes).toHaveLength(MAX_PANES);
    const toast = useUiStore().toasts.at(-1)!;
    expect(toast.message).toBe('4 documents fit side by side, so pane 4, “Ridge build-up far larger than first reported”, closed to make room.');
    expect(toast.action?.label).toBe('Undo');
    expect(reader.history).toHaveLength(1);
    await toast.action!.run();
    expect(reader.panes.map((p) => p.docId)).toEqual(before);
    expect(reader.activePane?.id).toBe(reader.panes[0].id);
    expect(reader.history).toHaveLength(0);

    reader.cyclePane(1);
    const active = reader.activePane!.id;
    reader.closePane(active);
    expect(reader.panes).toHaveLength(3);
    expect(reader.activePane?.id).not.toBe(active);

    // openInPane replaces the document shown in the given pane.
    await reader.openInPane(courier, { paneId: reader.panes[2].id });
    expect(reader.panes[2].docId).toBe(courier);
  });

  it('steps through claims in document order, within the filters', async () => {
    const { reader } = await openBoth();
    const pane = reader.panes[0];
    reader.focusPane(pane.id);
    const first = reader.stepClaim(1)!;
    const second = reader.stepClaim(1)!;
    expect(second.start).toBeGreaterThan(first.start);
    expect(reader.stepClaim(-1)?.id).toBe(first.id);
    expect(pane.activeClaimId).toBe(first.id);
    expect(pane.focusOffset).toBe(first.start);

    pane.filter.certainty = 'hedged';
    const hedged = reader.stepClaim(1)!;
    expect(hedged.certainty).toBe('hedged');
    expect(reader.visibleClaims(pane.id).every((c) => c.certainty === 'hedged')).toBe(true);
    pane.filter.certainty = '';
    pane.filter.hasNumber = true;
    expect(reader.visibleClaims(pane.id).every((c) => c.quantities.length > 0)).toBe(true);
    pane.filter.hasNumber = false;
    pane.filter.source = 'meridian';
    expect(reader.visibleClaims(pane.id).map((c) => c.attribution?.via)).toEqual([['Radio Meridian']]);
  });

  it('jumps from "some 3,000 soldiers" to "nowhere near 3,000 soldiers" in the other pane', async () => {
    const { reader } = await openBoth();
    const [left, right] = reader.panes;
    const soldiers = left.claims!.claims.find((c) => c.text.startsWith('Some 3,000 soldiers'))!;
    right.filter.kind = 'event';
    expect(reader.jumpToRelated(left.id, soldiers.id)).toBe(true);
    const target = reader.findClaim(right.id, right.activeClaimId)!;
    expect(target.text).toContain('nowhere near 3,000 soldiers');
    expect(reader.activePane?.id).toBe(right.id);
    expect(right.filter.kind).toBe('');
    expect(right.relatedFrom?.reasons).toEqual(expect.arrayContaining(['disputes the same figure']));
    expect(right.relatedFrom?.reasons[0]).toMatch(/^same measure: /);

    reader.closePane(right.id);
    expect(reader.jumpToRelated(left.id, soldiers.id)).toBe(false);
    expect(useUiStore().toasts.at(-1)?.message).toMatch(/Open another document beside/);
  });

  it('rejects, accepts and edits claims, and adds one from offsets; the review comes back in claims:list', async () => {
    const { reader, courier } = await openBoth();
    const pane = reader.panes[0];
    const families = pane.claims!.claims.find((c) => c.text.includes('1,200 families'))!;
    const rejected = await reader.reviewClaim(pane.id, families.id, { status: 'rejected' });
    expect(rejected?.review?.status).toBe('rejected');
    expect(reader.findClaim(pane.id, families.id)?.review?.status).toBe('rejected');

    const soldiers = pane.claims!.claims.find((c) => c.text.startsWith('Some 3,000'))!;
    await reader.reviewClaim(pane.id, soldiers.id, { edits: { source: 'Kessel district officials', quantities: [{ low: 2500, high: 3000, unit: 'soldiers' }] } });
    const edited = reader.findClaim(pane.id, soldiers.id)!;
    expect(edited.attribution?.source).toBe('Kessel district officials');
    expect(edited.quantities[0]).toMatchObject({ low: 2500, high: 3000, unit: 'soldiers' });
    expect(edited.review?.edited).toBe(true);

    const start = COURIER.indexOf('The defence ministry');
    const end = COURIER.indexOf('this week') + 'this week'.length;
    const added = await reader.addClaim(pane.id, start, end);
    expect(added?.review?.added).toBe(true);
    expect(pane.activeClaimId).toBe(added!.id);

    const listed = await real.api.claims.list({ id: courier });
    expect(listed.claims.find((c) => c.text.includes('1,200 families'))?.review?.status).toBe('rejected');
    expect(listed.claims.some((c) => c.review?.added && c.start === start && c.end === end)).toBe(true);
  });

  it('restores the open panes after a reload of the window', async () => {
    const { courier, ledger, reader } = await openBoth();
    reader.toggleSyncScroll();
    await nextTick();
    setActivePinia(createPinia());
    const again = useReaderStore();
    await again.restore(new Set([courier, ledger]));
    expect(again.panes.map((p) => p.docId)).toEqual([courier, ledger]);
    expect(again.syncScroll).toBe(true);
    expect(again.panes.every((p) => p.content)).toBe(true);
  });
});

describe('ReaderView', () => {
  it('shows an empty state that says how to open documents', () => {
    const wrapper = mount(ReaderView);
    expect(wrapper.text()).toContain('No document open');
    expect(wrapper.text()).toContain('Open beside');
    wrapper.unmount();
  });

  it('shows two panes with claims highlighted by certainty, figures marked, and review from the claims panel', async () => {
    const { reader } = await openBoth();
    const wrapper = mount(ReaderView, { attachTo: document.body });
    await flushPromises();
    const regions = wrapper.findAll('[role="region"]');
    expect(regions.map((r) => r.attributes('aria-label'))).toEqual([
      'Pane 1: Troops cross the Varna ridge as border talks stall',
      'Pane 2: Ridge build-up far larger than first reported',
    ]);
    const left = regions[0];
    expect(left.findAll('mark.claim-mark.attributed').length).toBeGreaterThan(0);
    expect(left.findAll('mark.claim-mark.hedged').length).toBeGreaterThan(0);
    expect(left.get('mark.claim-mark.qty').text()).toBe('3,000');

    // Choosing a claim in the list makes it active and marks the passage.
    const item = left.findAll('li.claim-row').find((li) => li.text().includes('1,200 families'))!;
    await item.get('button.claim-item').trigger('click');
    await flushPromises();
    expect(item.get('button.claim-item').attributes('aria-current')).toBe('true');
    expect(left.findAll('mark.claim-mark.active').map((m) => m.element.textContent).join('')).toContain('1,200 families');

    await item.get('button[aria-label="Reject claim"]').trigger('click');
    await vi.waitFor(() => expect(left.findAll('mark.claim-mark.rejected').length).toBeGreaterThan(0));
    await flushPromises();
    expect(item.text()).toContain('Rejected');
    expect(item.get('button[aria-label="Reject claim"]').attributes('aria-pressed')).toBe('true');

    // Editing a claim's source through the form.
    const soldiers = left.findAll('li.claim-row').find((li) => li.text().includes('Some 3,000 soldiers'))!;
    await soldiers.get('button[aria-label="Edit claim"]').trigger('click');
    await soldiers.get('input[placeholder^="Who says so"]').setValue('Kessel officials');
    await soldiers.get('select:first-of-type').setValue('hedged');
    await soldiers.get('form').trigger('submit');
    await vi.waitFor(() => expect(reader.findClaim(reader.panes[0].id, reader.panes[0].claims!.claims.find((c) => c.text.startsWith('Some 3,000'))!.id)?.attribution?.source).toBe('Kessel officials'));
    await flushPromises();
    expect(soldiers.text()).toContain('Kessel officials');
    // Saving a correction does not accept the claim.
    expect(soldiers.text()).toContain('Edited');
    expect(soldiers.text()).not.toContain('Accepted');

    // Related claim in the other pane.
    await soldiers.get('button[aria-label="Related claim in other pane"]').trigger('click');
    await flushPromises();
    const right = wrapper.findAll('[role="region"]')[1];
    expect(right.get('button.claim-item[aria-current="true"]').text()).toContain('nowhere near 3,000 soldiers');
    expect(right.text()).toContain('Most similar to');
    wrapper.unmount();
  });

  it('opens a library row dropped on the empty reader, beside it, or in the pane it lands on', async () => {
    const { courier, ledger } = await importBoth();
    const reader = useReaderStore();
    const wrapper = mount(ReaderView, { attachTo: document.body });
    const carrying = (id: string) => ({ dataTransfer: { types: [DOC_DRAG_TYPE], getData: (type: string) => (type === DOC_DRAG_TYPE ? id : ''), dropEffect: 'none' } });
    await wrapper.get('section.reader').trigger('drop', carrying(courier));
    await vi.waitFor(() => expect(reader.panes.map((p) => p.docId)).toEqual([courier]));
    await flushPromises();
    await wrapper.get('section.reader').trigger('drop', carrying(ledger));
    await vi.waitFor(() => expect(reader.panes.map((p) => p.docId)).toEqual([courier, ledger]));
    await flushPromises();
    // Dropped on the first pane, the document replaces what that pane showed.
    await wrapper.findAll('[role="region"]')[0].trigger('drop', carrying(ledger));
    await vi.waitFor(() => expect(reader.panes.map((p) => p.docId)).toEqual([ledger, ledger]));
    // Files are not documents: a file drop is left to the import handler.
    await wrapper.get('section.reader').trigger('drop', { dataTransfer: { types: ['Files'], getData: () => '' } });
    expect(reader.panes).toHaveLength(2);
    wrapper.unmount();
  });

  it('explains a claim in plain words on hover', async () => {
    await openBoth();
    const wrapper = mount(ReaderView, { attachTo: document.body });
    await flushPromises();
    await wrapper.get('mark.claim-mark.qty').trigger('mouseover');
    const tooltip = document.querySelector('[role="tooltip"]');
    expect(tooltip?.textContent).toContain('Regional officials, via Radio Meridian, say about 3,000 soldiers');
    expect(tooltip?.textContent).toContain('Via');
    wrapper.unmount();
  });

  it('finds in a document with a match count, next and previous', async () => {
    const { reader } = await openBoth();
    reader.focusPane(reader.panes[0].id);
    const wrapper = mount(ReaderView, { attachTo: document.body });
    await flushPromises();
    (wrapper.vm as unknown as { openFind(): void }).openFind();
    await flushPromises();
    const input = wrapper.get('input[aria-label="Find in document"]');
    await input.setValue('ridge');
    await vi.waitFor(() => expect(wrapper.get('.find-count').text()).toBe('1 of 3'));
    expect(wrapper.findAll('[role="region"]')[0].findAll('mark.find')).toHaveLength(3);
    await input.trigger('keydown', { key: 'Enter' });
    expect(wrapper.get('.find-count').text()).toBe('2 of 3');
    await input.trigger('keydown', { key: 'Enter', shiftKey: true });
    await input.trigger('keydown', { key: 'Enter', shiftKey: true });
    expect(wrapper.get('.find-count').text()).toBe('3 of 3');
    expect(wrapper.get('mark.find.current').text().toLowerCase()).toBe('ridge');
    await input.setValue('no such words');
    await vi.waitFor(() => expect(wrapper.get('.find-count').text()).toBe('No matches'));
    wrapper.unmount();
  });

  it('turns a text selection into a claim and into a note on the passage', async () => {
    const { reader } = await openBoth();
    const wrapper = mount(ReaderView, { attachTo: document.body });
    await flushPromises();
    const article = wrapper.findAll('article.reader-text')[0].element as HTMLElement;
    const phrase = 'further deployments';
    const start = COURIER.indexOf(phrase);
    const selection = window.getSelection()!;
    // Selects from inside one segment to inside another, as a mouse drag would.
    const select = () => {
      const segments = Array.from(article.querySelectorAll<HTMLElement>('[data-start]'));
      const holding = (offset: number) => segments.filter((s) => Number(s.dataset.start) <= offset).at(-1)!;
      const from = holding(start);
      const to = holding(start + phrase.length - 1);
      const range = document.createRange();
      range.setStart(from.firstChild!, start - Number(from.dataset.start));
      range.setEnd(to.firstChild!, start + phrase.length - Number(to.dataset.start));
      selection.removeAllRanges();
      selection.addRange(range);
    };
    const toolbarButton = (label: string) => Array.from(document.querySelectorAll<HTMLButtonElement>('.selection-toolbar button')).find((b) => b.textContent === label)!;
    select();
    expect(selectionOffsets(article, selection)).toEqual({ start, end: start + phrase.length });

    await wrapper.findAll('article.reader-text')[0].trigger('mouseup');
    toolbarButton('Add as claim').click();
    await vi.waitFor(() => expect(reader.panes[0].claims!.claims.some((c) => c.review?.added && c.start === start)).toBe(true));
    await flushPromises();

    // The new claim re-cut the paragraph into segments; offsets still come out right.
    select();
    expect(selectionOffsets(article, selection)).toEqual({ start, end: start + phrase.length });
    await wrapper.findAll('article.reader-text')[0].trigger('mouseup');
    toolbarButton('Note on passage').click();
    const notes = useNotesStore();
    await vi.waitFor(() => expect(notes.forDoc(reader.panes[0].docId).map((n) => n.anchor?.quote.exact)).toEqual([phrase]));
    expect(reader.panes[0].sidePanel).toBe('notes');
    wrapper.unmount();
  });
});

describe('selection offsets', () => {
  it('moves points outside the text segments to the nearest text', () => {
    const root = document.createElement('article');
    root.innerHTML = '<header><h2>Title</h2></header><p data-block="0"><span data-start="0">Hello </span><mark data-start="6">world</mark></p><p data-block="1"><span data-start="13">Again</span></p>';
    document.body.append(root);
    const title = root.querySelector('h2')!.firstChild!;
    const secondPara = root.querySelectorAll('p')[1];
    const range = document.createRange();
    range.setStart(title, 2);
    range.setEnd(secondPara, 0);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    expect(selectionOffsets(root, selection)).toEqual({ start: 0, end: 11 });
    range.setStart(root.querySelector('mark')!.firstChild!, 1);
    range.setEnd(secondPara.firstChild!.firstChild!, 3);
    expect(selectionOffsets(root, selection)).toEqual({ start: 7, end: 16 });
    selection.removeAllRanges();
    expect(selectionOffsets(root, selection)).toBeNull();
  });
});

describe('blocks and segments', () => {
  it('splits paragraphs, cuts at page boundaries and keeps long paragraphs renderable', () => {
    const text = 'One.\n\nTwo lines\nstill two.\n\nThree on page two.';
    expect(splitBlocks(text, null).map((b) => text.slice(b.start, b.end))).toEqual(['One.', 'Two lines\nstill two.', 'Three on page two.']);
    const pageTwo = text.indexOf('Three');
    const paged = splitBlocks(text, [
      { page: 1, start: 0, end: pageTwo },
      { page: 2, start: pageTwo, end: text.length },
    ]);
    expect(paged.map((b) => [b.page, b.pageStart])).toEqual([
      [1, true],
      [1, false],
      [2, true],
    ]);
    const long = 'word '.repeat(3000);
    const blocks = splitBlocks(long, null, 4000);
    expect(blocks.length).toBe(4);
    expect(blocks.every((b) => b.end - b.start <= 4000)).toBe(true);
    expect(blocks.map((b) => long.slice(b.start, b.end)).join('')).toBe(long.trimEnd() + (long.endsWith(' ') ? ' ' : ''));
    expect(blockIndexAt(blocks, 4500)).toBe(1);
  });

  it('segments a block by claims, their figures, find matches and noted passages', () => {
    const text = 'Some 3,000 soldiers crossed.';
    const claim = {
      id: 'c1', start: 0, end: 28, text, kind: 'quantity' as const, certainty: 'attributed' as const, hedges: [], negated: false, attribution: null,
      quantities: [{ text: '3,000', start: 5, end: 10, low: 3000, high: 3000, approximate: true, bound: 'exact' as const, unit: 'soldiers', vague: false }],
      entities: [], score: 1,
    };
    const { matches } = findMatches(text, 'SOLDIERS');
    const segments = segmentBlock(text, { start: 0, end: text.length }, [claim], matches, [{ start: 20, end: 27 }]);
    expect(segments.map((s) => [text.slice(s.start, s.end), s.quantity, s.match, s.noted])).toEqual([
      ['Some ', false, -1, false],
      ['3,000', true, -1, false],
      [' ', false, -1, false],
      ['soldiers', false, 0, false],
      [' ', false, -1, false],
      ['crossed', false, -1, true],
      ['.', false, -1, false],
    ]);
    expect(segments.every((s) => s.claim === claim)).toBe(true);
    expect(segments[0].claimStart).toBe(true);
    expect(findMatches('a'.repeat(20), 'a', 5)).toMatchObject({ capped: true });
  });

  it('carries note marks and reference entries from the document structure, and sets note marks apart', () => {
    const text = 'The port reopened on Monday.[1]\n\nKatz, S. L. (2004). Measles elimination. Journal, 189.';
    const mark = { start: text.indexOf('[1]'), end: text.indexOf('[1]') + 3 };
    const entry = text.indexOf('Katz');
    const blocks = splitBlocks(text, null, 4000, [
      { kind: 'paragraph', start: 0, end: mark.end, refs: [mark] },
      { kind: 'paragraph', start: entry, end: text.length, references: true },
    ]);
    expect(blocks.map((b) => [b.refs ?? null, b.references ?? false])).toEqual([
      [[mark], false],
      [null, true],
    ]);
    const segments = segmentBlock(text, blocks[0], [], [], [], blocks[0].refs);
    expect(segments.map((s) => [text.slice(s.start, s.end), s.ref])).toEqual([
      ['The port reopened on Monday.', false],
      ['[1]', true],
    ]);
  });
});

function paneFor(content: DocumentContent): Pane {
  return reactive<Pane>({
    id: 'pane-test',
    docId: content.document.id,
    content,
    claims: { text: content.text, claims: [] },
    loading: false,
    error: null,
    claimsError: null,
    activeClaimId: null,
    focusOffset: null,
    focusEnd: null,
    revealSeq: 0,
    size: 1,
    sidePanel: null,
    filter: { kind: '', certainty: '', source: '', hasNumber: false, opinion: false },
    relatedFrom: null,
    panelShare: PANEL_SHARE.initial,
    panelWidth: PANEL_WIDTH.initial,
    panelCollapsed: false,
    editingClaimId: null,
  }) as Pane;
}

function contentOf(text: string, pages: DocumentContent['pages'] = null): DocumentContent {
  return {
    text,
    pages,
    blocks: null,
    document: {
      id: 'd1', title: 'A long report', author: null, outlet: null, published: null, url: null, lang: null, tags: [],
      format: pages ? 'pdf' : 'txt', sourcePath: 'x', contentHash: 'h', importedAt: '2026-01-01', words: 1, chars: text.length, originalFile: 'x',
    },
  };
}

describe('DocumentText', () => {
  it('shows page boundaries and numbers for PDF documents', () => {
    const text = 'First page text.\n\nMore on page one.\nSecond page starts here.';
    const second = text.indexOf('Second');
    const wrapper = mount(DocumentText, {
      props: { pane: paneFor(contentOf(text, [{ page: 1, start: 0, end: second }, { page: 2, start: second, end: text.length }])), notes: [], matches: [], currentMatch: -1 },
    });
    expect(wrapper.findAll('[role="separator"]').map((s) => s.attributes('aria-label'))).toEqual(['Page 1', 'Page 2']);
    expect(wrapper.findAll('p.para').map((p) => p.element.textContent)).toEqual(['First page text.', 'More on page one.\n', 'Second page starts here.']);
    expect(wrapper.text()).toContain('2 pages');
    wrapper.unmount();
  });

  // How fast the first screen appears is measured in Chromium by `npm run bench` (reader.open_1mb_*); the
  // waits here are long so that only a hang fails them.
  it('renders a 1 MB document progressively: a first screen at once, the rest per frame, far enough to reveal an offset', { timeout: 180_000 }, async () => {
    const paragraph = 'The committee heard that 4,000 households had been moved, and officials expected more to follow. '.repeat(2);
    const text = Array.from({ length: 5400 }, (_, i) => `${i}. ${paragraph}`).join('\n\n');
    expect(text.length).toBeGreaterThan(1_000_000);
    const pane = paneFor(contentOf(text));
    const wrapper = mount(DocumentText, { props: { pane, notes: [], matches: [], currentMatch: -1 }, attachTo: document.body });
    // The first screen only, not the whole document at once.
    expect(wrapper.findAll('p.para')).toHaveLength(150);
    await vi.waitFor(() => expect(wrapper.findAll('p.para').length).toBeGreaterThan(300), { timeout: 60_000 });

    const target = text.indexOf('5000. ');
    pane.focusOffset = target;
    pane.revealSeq++;
    await vi.waitFor(() => expect(wrapper.find('[data-block="5000"]').exists()).toBe(true), { timeout: 100_000 });
    wrapper.unmount();
  });
});

describe('command palette', () => {
  it('ranks commands fuzzily and runs the chosen one with Enter', async () => {
    expect(fuzzyFilter(['Go to Library', 'Toggle theme', 'Open beside: Report'], 'tth', (s) => s).map((r) => r.item)[0]).toBe('Toggle theme');
    expect(fuzzyFilter(['Go to Library', 'Toggle theme', 'Open beside: Report'], 'obr', (s) => s).map((r) => r.item)[0]).toBe('Open beside: Report');
    expect(fuzzyFilter(['Go to Library', 'Toggle theme'], 'xyz', (s) => s)).toEqual([]);
    // Typed words that begin the title, in a row, rank first, whatever the letters elsewhere.
    const titles = [
      'Open document: Ever Given blocked the canal, and it is said the refloating may take weeks',
      'Open beside: Ever Given blocked the canal, and it is said the refloating may take weeks',
      'Open document: Ever Given is refloated after six days',
      'Open beside: Ever Given is refloated after six days',
    ];
    expect(fuzzyFilter(titles, 'open ever given is ref', (s) => s)[0].item).toBe('Open document: Ever Given is refloated after six days');
    expect(fuzzyFilter(titles, 'ever given is ref', (s) => s)[0].item).toBe('Open document: Ever Given is refloated after six days');
    expect(fuzzyFilter(titles, 'beside ever given is', (s) => s)[0].item).toBe('Open beside: Ever Given is refloated after six days');
    expect(fuzzyFilter(['Toggle theme', 'Go to Reader'], 'go rea', (s) => s)[0].item).toBe('Go to Reader');
    const ran: string[] = [];
    const commands = ['Go to Library', 'Go to Reader', 'Toggle synchronized scroll'].map((label) => ({ id: label, label, group: 'Test', run: () => void ran.push(label) }));
    const wrapper = mount(CommandPalette, { props: { commands }, attachTo: document.body });
    const input = wrapper.get('input[aria-label="Command"]');
    expect(document.activeElement).toBe(input.element);
    await input.setValue('sync');
    expect(wrapper.findAll('[role="option"]').map((o) => o.text())).toEqual(['TestToggle synchronized scroll']);
    await input.setValue('go to');
    const labels = wrapper.findAll('[role="option"] .palette-label').map((o) => o.text());
    expect(labels.sort()).toEqual(['Go to Library', 'Go to Reader']);
    await input.trigger('keydown', { key: 'ArrowDown' });
    expect(wrapper.findAll('[role="option"]')[1].attributes('aria-selected')).toBe('true');
    const second = wrapper.findAll('[role="option"] .palette-label')[1].text();
    await input.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(ran).toEqual([second]);
    expect(wrapper.emitted('close')).toHaveLength(1);
    wrapper.unmount();
  });
});

describe('claim filter', () => {
  const base = { id: 'c1', start: 0, end: 10, text: 'x', kind: 'statement' as const, certainty: 'asserted' as const, hedges: [], negated: false, attribution: null, quantities: [], entities: [], score: 0.5 };

  it('hides opinion sentences unless asked for', () => {
    const filter = { kind: '' as const, certainty: '' as const, source: '', hasNumber: false, opinion: false };
    expect(claimMatchesFilter({ ...base, opinion: true }, filter)).toBe(false);
    expect(claimMatchesFilter({ ...base, opinion: false }, filter)).toBe(true);
    expect(claimMatchesFilter({ ...base, opinion: true }, { ...filter, opinion: true })).toBe(true);
  });
});
