// W3C Web Annotations against a real library: the exported AnnotationCollection is checked against the
// Web Annotation Data Model (the terms its JSON-LD context defines, the fields the model requires, the
// selectors against the document text, the page of a PDF passage); a Hypothesis-style export whose
// passages moved or changed re-anchors, and what cannot be placed is reported; importing twice adds nothing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANNOTATION_CONTEXT } from '../../../electron/services/interchange/annotations.ts';
import { matchQuote, prepareText } from '../../../electron/services/anchors/match-quote.ts';
import { writePdf } from '../ingest/helpers.ts';
import { buildLibrary, librariesIn, passage, workDir } from './helpers.ts';

let work: string;
const library = librariesIn(() => work);

/** The terms the Web Annotation JSON-LD context (http://www.w3.org/ns/anno.jsonld) defines. */
const CONTEXT_TERMS = new Set(
  `id type body target source selector state scope refinedBy startSelector endSelector renderedVia creator generator rights homepage via canonical
   stylesheet cached conformsTo items partOf first last next prev audience motivation purpose textDirection accessibility bodyValue format language
   processingLanguage value exact prefix suffix styleClass name email email_sha1 nickname label created modified generated sourceDate sourceDateStart
   sourceDateEnd start end total startIndex`.split(/\s+/),
);
const CONTEXT_CLASSES = new Set(
  `Annotation Dataset Image Video Audio Text TextualBody ResourceSelection SpecificResource FragmentSelector CssSelector XPathSelector TextQuoteSelector
   TextPositionSelector DataPositionSelector SvgSelector RangeSelector TimeState HttpRequestState CssStylesheet Choice Person Software Organization
   AnnotationCollection AnnotationPage Audience`.split(/\s+/),
);
const MOTIVATIONS = new Set('assessing bookmarking classifying commenting describing editing highlighting identifying linking moderating questioning replying reviewing tagging'.split(' '));
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const isIri = (value: unknown) => typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(value) && !!new URL(value);

/** Every key is a context term (or @context), every type a class, every motivation and purpose a motivation. */
function checkTerms(value: unknown, path = '$'): void {
  if (Array.isArray(value)) return value.forEach((v, i) => checkTerms(v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    expect(key === '@context' || CONTEXT_TERMS.has(key), `${path}.${key} is not a Web Annotation term`).toBe(true);
    if (key === 'type') expect(CONTEXT_CLASSES.has(child as string), `${path}.type ${String(child)}`).toBe(true);
    if (key === 'motivation' || key === 'purpose') expect(MOTIVATIONS.has(child as string), `${path}.${key} ${String(child)}`).toBe(true);
    if (['created', 'modified', 'generated'].includes(key)) expect(child).toMatch(DATE_TIME);
    if (key !== 'value' && key !== 'exact' && key !== 'prefix' && key !== 'suffix') checkTerms(child, `${path}.${key}`);
  }
}

describe('W3C Web Annotation export', () => {
  it('writes an AnnotationCollection the model accepts, with quote, position and PDF page selectors', async () => {
    work = workDir('annotations');
    const a = await library('a');
    const built = await buildLibrary(a, join(work, 'inbox'));
    // A two-page PDF with a note on its second page.
    const pdf = join(work, 'inbox', 'bulletin.pdf');
    writeFileSync(pdf, writePdf([
      { runs: [{ text: 'Port bulletin', x: 72, y: 720, size: 18 }, { text: 'The harbour handled 1,200 ships in March.', x: 72, y: 680 }] },
      { runs: [{ text: 'Dredging of the outer channel will finish in June, the port said.', x: 72, y: 720 }] },
    ]));
    const [pdfDoc] = await a.handlers['library:import']({ paths: [pdf] });
    const dredging = await passage(a, pdfDoc!.id!, 'Dredging of the outer channel');
    await a.handlers['notes:create']({ docId: pdfDoc!.id!, ...dredging, body: 'Confirm the June date.' });

    const exported = await a.handlers['annotations:export']();
    const json = JSON.parse(Buffer.from(exported.dataBase64, 'base64').toString('utf8'));
    expect(exported.fileName).toBe('annotations.jsonld');
    expect(json['@context']).toBe(ANNOTATION_CONTEXT);
    expect(json['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    checkTerms(json);
    // The collection and its page: required id and type, and the counts agree.
    expect(isIri(json.id)).toBe(true);
    expect(json.type).toBe('AnnotationCollection');
    expect(typeof json.label).toBe('string');
    const page = json.first;
    expect(page).toMatchObject({ type: 'AnnotationPage', partOf: json.id, startIndex: 0 });
    expect(isIri(page.id)).toBe(true);
    expect(page.items).toHaveLength(json.total);
    // Notes on passages (2 on the canal report, 1 on the PDF) and the three reviewed claims; the free note has no document.
    expect(page.items.filter((i: { motivation: string }) => i.motivation === 'commenting')).toHaveLength(3);
    expect(page.items.filter((i: { motivation: string }) => i.motivation === 'assessing')).toHaveLength(3);
    const texts = new Map<string, string>();
    for (const item of page.items) {
      // Each annotation: an IRI id, the Annotation type, a body and a target with both text selectors.
      expect(isIri(item.id)).toBe(true);
      expect(item.type).toBe('Annotation');
      expect(item.body).toBeDefined();
      for (const body of [item.body].flat()) expect(body).toMatchObject({ type: 'TextualBody', value: expect.any(String) });
      expect(item.target.type).toBe('SpecificResource');
      expect(isIri(item.target.source)).toBe(true);
      const quote = item.target.selector.find((s: { type: string }) => s.type === 'TextQuoteSelector');
      const position = item.target.selector.find((s: { type: string }) => s.type === 'TextPositionSelector');
      expect(quote.exact.length).toBeGreaterThan(0);
      expect(Number.isInteger(position.start) && position.start >= 0 && position.end > position.start).toBe(true);
      // The selectors agree with the document text.
      const docId = /dossier:\/\/doc\/(\w+)/.exec(item.target.source)?.[1] ?? (await a.handlers['library:list']()).find((d) => d.url === item.target.source)!.id;
      if (!texts.has(docId)) texts.set(docId, await a.store.readText(docId));
      const text = texts.get(docId)!;
      expect(text.slice(position.start, position.end)).toBe(quote.exact);
      expect(text.slice(0, position.start).endsWith(quote.prefix)).toBe(true);
      expect(text.slice(position.end).startsWith(quote.suffix)).toBe(true);
    }
    const onPdf = page.items.find((i: { target: { source: string } }) => i.target.source === `dossier://doc/${pdfDoc!.id}`);
    expect(onPdf.target.selector).toContainEqual(expect.objectContaining({ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=2' }));
    const corrected = page.items.find((i: { body: Array<{ value: string }> }) => [i.body].flat().some((b) => b.value === 'corrected'));
    expect([corrected.body].flat()).toContainEqual(expect.objectContaining({ purpose: 'describing', value: expect.stringContaining('Source: NASA') }));

    // One collection's annotations only.
    const scoped = JSON.parse(Buffer.from((await a.handlers['annotations:export']({ collection: built.collectionId })).dataBase64, 'base64').toString('utf8'));
    expect(scoped.total).toBe(5);
  });

  it('round-trips through W3C JSON-LD into another library and skips what is already there', async () => {
    work = workDir('annotations-w3c');
    const a = await library('a');
    await buildLibrary(a, join(work, 'inbox'));
    const file = join(work, 'notes.jsonld');
    writeFileSync(file, Buffer.from((await a.handlers['annotations:export']()).dataBase64, 'base64'));
    // Library b holds the same reports (imported itself), without notes or reviews.
    const b = await library('b');
    await b.handlers['library:import']({ paths: [join(work, 'inbox')] });
    const report = await b.handlers['annotations:import']({ path: file });
    expect(report).toMatchObject({ source: 'w3c', total: 5, notes: 2, reviews: 3, duplicates: 0, unplaced: [] });
    const canal = (await b.handlers['library:list']()).find((d) => d.title.includes('Suez'))!;
    const notes = await b.handlers['notes:list']({ docId: canal.id });
    expect(notes.map((n) => n.anchor?.quote.exact).sort()).toEqual(['More than 400 ships were waiting to pass', 'about $9.6 billion of trade each day']);
    const tonga = (await b.handlers['library:list']()).find((d) => d.title.includes('Tonga'))!;
    const reviewed = (await b.handlers['claims:list']({ id: tonga.id })).claims.filter((c) => c.review);
    expect(reviewed.map((c) => c.review!.added).sort()).toEqual([false, true]);
    const again = await b.handlers['annotations:import']({ path: file });
    expect(again).toMatchObject({ notes: 0, reviews: 0, duplicates: 5 });
  });
});

describe('Hypothesis import', () => {
  it('attaches annotations by URL and quote, re-anchors moved and edited passages, and reports the rest', async () => {
    work = workDir('annotations-h');
    const b = await library('b');
    await buildLibrary(b, join(work, 'inbox'));
    const docs = await b.handlers['library:list']();
    const canal = docs.find((d) => d.title.includes('Suez'))!;
    await b.handlers['library:update']({ id: canal.id, changes: { url: 'https://news.example.org/2021/03/suez-blocked' } });
    const notesBefore = (await b.handlers['notes:list']({})).length;
    const target = (uri: string, exact: string, prefix: string, suffix: string, start: number) => [
      { source: uri, selector: [{ type: 'RangeSelector', startContainer: '/main[1]/p[2]', startOffset: 0, endContainer: '/main[1]/p[2]', endOffset: 10 }, { type: 'TextPositionSelector', start, end: start + exact.length }, { type: 'TextQuoteSelector', exact, prefix, suffix }] },
    ];
    const exportFile = {
      export_date: '2024-05-02T10:00:00.000Z',
      export_userid: 'acct:analyst@hypothes.is',
      client_version: '1.1400.0',
      annotations: [
        // The passage is unchanged but the web page had more text before it: the position is stale.
        { id: 'h1', uri: 'https://www.news.example.org/2021/03/suez-blocked/', text: 'Blocked for six days: check the authority timeline.', tags: ['timeline'], user: 'acct:analyst@hypothes.is', target: target('https://news.example.org/2021/03/suez-blocked', 'blocked it for six days', 'Suez Canal on 23 March 2021 and ', ', the Suez Canal Authority said.', 2400), document: { title: ['Suez blocked'] } },
        // The page's wording differs from the library's copy (edited after the highlight was made).
        { id: 'h2', uri: 'https://news.example.org/2021/03/suez-blocked', text: 'Trade figure is an estimate.', tags: [], user: 'acct:analyst@hypothes.is', target: target('https://news.example.org/2021/03/suez-blocked', 'the blockage held up around $9.6 billion of trade every day', "Lloyd's List estimated that ", '.', 900) },
        // No URL match: found by its quote in another report.
        { id: 'h3', uri: 'https://elsewhere.example.com/tonga', text: 'Compare with the satellite estimate.', tags: [], user: 'acct:analyst@hypothes.is', target: target('https://elsewhere.example.com/tonga', 'about 58 kilometres into the sky', 'sending a plume of ash and gas ', ', NASA scientists said.', 10) },
        // A passage nothing in the library holds, and a reply.
        { id: 'h4', uri: 'https://elsewhere.example.com/other', text: 'Unrelated.', tags: [], user: 'acct:analyst@hypothes.is', target: target('https://elsewhere.example.com/other', 'The central bank raised interest rates by half a point', '', '', 0) },
        { id: 'h5', uri: 'https://news.example.org/2021/03/suez-blocked', text: 'Agreed.', tags: [], user: 'acct:editor@hypothes.is', references: ['h1'], target: [{ source: 'https://news.example.org/2021/03/suez-blocked' }] },
        // A page note: the document, no passage.
        { id: 'h6', uri: 'https://news.example.org/2021/03/suez-blocked', text: 'Good overview of the blockage.', tags: [], user: 'acct:analyst@hypothes.is', target: [{ source: 'https://news.example.org/2021/03/suez-blocked' }] },
      ],
    };
    const report = await b.handlers['annotations:import']({ file: { name: 'hypothesis.json', dataBase64: Buffer.from(JSON.stringify(exportFile)).toString('base64') } });
    expect(report).toMatchObject({ source: 'hypothesis', total: 6, notes: 4, reviews: 0, duplicates: 0 });
    expect(report.reanchored).toBe(3);
    expect(report.unplaced.map((u) => u.reason)).toEqual(['no document in the library holds this passage', 'a reply to another annotation, which has no passage of its own']);

    const notes = await b.handlers['notes:list']({ docId: canal.id });
    const sixDays = notes.find((n) => n.body.startsWith('Blocked for six days'))!;
    expect(sixDays.anchor?.position).toEqual(await passage(b, canal.id, 'blocked it for six days'));
    expect(sixDays.body).toContain('#timeline');
    const trade = notes.find((n) => n.body === 'Trade figure is an estimate.')!;
    expect(trade.anchor?.quote.exact).toMatch(/^the blockage held up about \$9\.6 billion of trade each day$/);
    expect(notes.find((n) => n.body === 'Good overview of the blockage.')?.anchor).toBeNull();
    const tonga = docs.find((d) => d.title.includes('Tonga'))!;
    expect((await b.handlers['notes:list']({ docId: tonga.id })).map((n) => n.anchor?.quote.exact)).toEqual(['about 58 kilometres into the sky']);

    const again = await b.handlers['annotations:import']({ file: { name: 'hypothesis.json', dataBase64: Buffer.from(JSON.stringify(exportFile)).toString('base64') } });
    expect(again).toMatchObject({ notes: 0, duplicates: 4 });
    expect((await b.handlers['notes:list']({})).length).toBe(notesBefore + 4);
  });

  it('says what is wrong with a file that is not annotations', async () => {
    work = workDir('annotations-bad');
    const b = await library('b');
    await buildLibrary(b, join(work, 'inbox'));
    const send = (data: string) => b.handlers['annotations:import']({ file: { name: 'x.json', dataBase64: Buffer.from(data).toString('base64') } });
    await expect(send('{"title": "a CSL item", "type": "article"}')).rejects.toThrow(/x\.json is not an annotation file: it holds neither an annotation collection nor a list of annotations/);
    await expect(send('not json')).rejects.toThrow(/x\.json is not JSON/);
    await expect(send('[{"type": "Annotation"}, {"foo": 1}]')).rejects.toThrow(/entry 2 is neither/);
    await expect(send('{"type": "AnnotationCollection", "first": "https://example.org/page1"}')).rejects.toThrow(/first page is a link/);
  });
});

describe('matchQuote', () => {
  const text = 'The river rose 3 metres overnight. Officials said 1,200 homes were flooded in the lower town. The river rose 3 metres again.';
  it('prefers the occurrence whose context matches, and folds whitespace', () => {
    const prepared = prepareText(text);
    const second = matchQuote(prepared, { exact: 'The river rose 3 metres', prefix: 'the lower town. ', suffix: ' again' });
    expect(second).toMatchObject({ start: text.lastIndexOf('The river rose'), kind: 'exact' });
    const folded = matchQuote(prepared, { exact: 'Officials said\n1,200   homes', prefix: '', suffix: '' });
    expect(folded && text.slice(folded.start, folded.end)).toBe('Officials said 1,200 homes');
    expect(folded?.kind).toBe('whitespace');
  });
  it('finds an edited passage approximately, and refuses a different one', () => {
    const prepared = prepareText(text);
    const edited = matchQuote(prepared, { exact: 'Officials say 1,200 houses were flooded in the lower town', prefix: 'overnight. ', suffix: '.' });
    expect(edited?.kind).toBe('fuzzy');
    expect(text.slice(edited!.start, edited!.end)).toContain('1,200 homes were flooded in the lower town');
    expect(matchQuote(prepared, { exact: 'The mayor resigned after the vote on Tuesday', prefix: '', suffix: '' })).toBeNull();
    expect(matchQuote(prepared, { exact: 'rose 4', prefix: '', suffix: '' })).toBeNull();
  });
});
