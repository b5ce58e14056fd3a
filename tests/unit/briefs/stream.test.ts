// Briefs exported one item at a time: the same files as when the exporters built a brief whole (golden
// files written by that earlier code), the same content from a real library whether written in-process,
// through the export worker or resolved in memory, and whole across the places a long export is cut:
// the resolver's few cached documents, the worker's batches, Word tables written in pieces, PDF pages
// written out as the next begins. A failed export leaves no file and no temp file behind.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { Document, ExternalHyperlink, FootnoteReferenceRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, type IContext } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Brief, ResolvedBrief, ResolvedGroup } from '../../../shared/types/brief.ts';
import { openServices, type Services } from '../../../electron/services/container.ts';
import { InlineClaimsRunner } from '../../../electron/services/claims/claims-runner.ts';
import { exportBrief, exportBriefToFile, scanBrief, toDocx, toHtml, toMarkdown, toPdf, type ExportFormat } from '../../../electron/services/briefs/export/index.ts';
import { streamOf } from '../../../electron/services/briefs/export/streamed.ts';
import { WorkerBriefFileWriter } from '../../../electron/services/briefs/export/export-runner.ts';
import { xmlText } from '../../../electron/services/briefs/export/docx.ts';
import { syntheticBrief } from '../../../scripts/bench-brief.ts';
import { DISK_FULL_MESSAGE, toWireError } from '../../../electron/services/errors.ts';
import { fixtureBrief } from './fixture-brief.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const golden = (name: string) => readFileSync(join(here, 'golden', name), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'dossier-brief-stream-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const has = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
const pdftotext = has('pdftotext');

let files = 0;
function pdfText(bytes: Uint8Array, layout = true): string {
  const path = join(work, `text-${++files}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

/** A Word file's content parts, with the library's random relationship ids numbered in order of appearance. */
async function wordParts(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = [];
  for (const name of ['word/document.xml', 'word/footnotes.xml', 'word/_rels/footnotes.xml.rels']) parts.push(`${name}\n${await zip.file(name)!.async('string')}`);
  const ids = new Map<string, string>();
  return parts.join('\n').replace(/rId[a-z0-9_-]{10,}/g, (id) => {
    if (!ids.has(id)) ids.set(id, `rId-${ids.size + 1}`);
    return ids.get(id)!;
  });
}

describe('the same files as before', () => {
  it('writes the fixture brief as Markdown and HTML byte for byte as the whole-brief exporters did', async () => {
    expect(toMarkdown(fixtureBrief())).toBe(golden('fixture-brief.md'));
    expect(toHtml(fixtureBrief())).toBe(golden('fixture-brief.html'));
    expect(new TextDecoder().decode(await exportBrief(fixtureBrief(), 'md'))).toBe(golden('fixture-brief.md'));
  });

  it.skipIf(!pdftotext)('lays out the fixture brief as a PDF with the same text on the same lines and pages, footers included', async () => {
    expect(pdfText(await toPdf(fixtureBrief()))).toBe(golden('fixture-brief.pdf.txt'));
  });

  it('writes the fixture brief’s Word body, footnotes and links as the library wrote them for the whole document', async () => {
    expect(await wordParts(await toDocx(fixtureBrief()))).toBe(golden('fixture-brief.docx.txt'));
  });
});

describe('Word XML written a piece at a time', () => {
  /** What the docx packer writes for these elements as a document's whole body. */
  async function packedBody(children: Array<Paragraph | Table>): Promise<string> {
    const zip = await JSZip.loadAsync(await Packer.toBuffer(new Document({ sections: [{ children }] })));
    const xml = await zip.file('word/document.xml')!.async('string');
    return xml.slice(xml.indexOf('<w:body>') + '<w:body>'.length, xml.lastIndexOf('<w:sectPr'));
  }

  it('serializes each element exactly as the packer does: escapes, control characters, links, notes, tables', async () => {
    const make = () => [
      new Paragraph({ children: [new TextRun({ text: 'Tom & Jerry said "5 < 6" and it\'s > 4\u0001\u0008.', bold: true }), new FootnoteReferenceRun(3)] }),
      new Paragraph({ children: [new ExternalHyperlink({ link: 'dossier://doc/abc123#10-20', children: [new TextRun({ text: 'Open in Dossier', style: 'Hyperlink' })] })] }),
      new Paragraph({ children: [new TextRun({ text: '' }), new TextRun({ text: 'after a break', break: 1 })], spacing: { after: 60 } }),
      new Table({ columnWidths: [2000, 3000], rows: [new TableRow({ cantSplit: true, children: [new TableCell({ children: [new Paragraph('a')] }), new TableCell({ children: [new Paragraph('b')] })] })] }),
    ];
    const doc = new Document({ sections: [{ children: [] }] });
    const links: string[] = [];
    const context = { file: doc, viewWrapper: { View: doc.Document.View, Relationships: { addRelationship: (id: string) => links.push(id) } }, stack: [] } as unknown as IContext;
    const ours = make()
      .map((element) => xmlText(element.prepForXml(context) as Record<string, unknown>))
      .join('');
    const theirs = await packedBody(make());
    // Link ids are random: the same element in the same place is all that is asked of them.
    const plain = (xml: string) => xml.replace(/r:id="rId[^"]+"/g, 'r:id="rId"');
    expect(plain(ours)).toBe(plain(theirs));
    expect(links).toHaveLength(1);
  });

  it('writes a long comparison table once, with its header once and every row in order', async () => {
    const members = Array.from({ length: 230 }, (_, i) => ({ quantityText: `${1000 + i} homes`, low: 1000 + i, high: 1000 + i, source: `Source ${i}`, via: [], citation: fixtureBrief().disputes[0]!.members[0]!.citation }));
    const group: ResolvedGroup = { label: 'Homes flooded', unit: 'homes', verdict: 'conflicting', reason: 'The figures differ.', members };
    const brief: ResolvedBrief = { title: 'Long table', generatedAt: '2024-05-02T10:00:00Z', items: [{ type: 'group', group }], sources: [], disputes: [group] };
    const xml = await (await JSZip.loadAsync(await toDocx(brief))).file('word/document.xml')!.async('string');
    const tables = xml.split('<w:tbl>').slice(1).map((t) => t.slice(0, t.indexOf('</w:tbl>')));
    expect(tables).toHaveLength(2); // the group, then the disputes
    const [groupTable, disputes] = tables;
    expect(groupTable.match(/<w:tblPr>/g)).toHaveLength(1);
    expect(groupTable.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(groupTable.match(/<w:tr>/g)).toHaveLength(231);
    const order = [...groupTable.matchAll(/(\d{4}) homes/g)].map((m) => Number(m[1]));
    expect(order).toEqual(members.map((m) => m.low));
    expect(disputes.match(/<w:tr>/g)).toHaveLength(2);
  });
});

describe.skipIf(!pdftotext)('PDF pages written out as the next begins', () => {
  it('numbers every page of a long brief “n / total” in its footer and keeps every claim', async () => {
    const brief = syntheticBrief(300, 20);
    const bytes = await toPdf(brief);
    const pages = pdfText(bytes, false).split('\f').filter((page) => page.trim());
    expect(pages.length).toBeGreaterThan(30);
    pages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain(`${i + 1} / ${pages.length}`));
    const text = pages.join(' ').replace(/\s+/g, ' ');
    for (const item of brief.items) if (item.type === 'claim') expect(text).toContain(item.text.slice(0, 40));
  });
});

// ---- A real library ----

/** Reports written for this test: two stories told by several outlets with figures that disagree. */
const REPORTS: Record<string, string> = {
  'dam-1.txt':
    'Reservoir breach floods valley towns\nValley Courier, 2024-03-04\nThe regional water authority said about 1,200 homes were flooded after the dam wall gave way on Sunday.\nPolice said 14 people were missing by the evening.\nEngineers estimated that 2 million cubic metres of water escaped in less than an hour.\nThe authority said 300 households had been moved to school halls.\nA spokesman said repairs could take 6 months.\nThe mayor said 27 roads were closed and 5 bridges needed checks.\nVolunteers handed out 8,000 bottles of water, the Red Cross said.\nFarmers reported that 600 hectares of wheat were under water.',
  'dam-2.txt':
    'Thousands lose homes in dam collapse\nNorthern Ledger, 2024-03-05\nThe governor said 3,400 homes were flooded when the dam failed, far more than first reported.\nRescue teams said 9 people were still missing on Monday.\nThe governor said 450 households were sleeping in school halls.\nInsurers put early losses at 80 million euros.\nThe governor said 1,100 people had been rescued by boat.\nThe water authority said it had inspected the wall 2 years ago.\nThe army sent 250 soldiers to fill sandbags, a ministry official said.\nSchools in 3 districts stayed closed, the education office said.',
  'dam-3.txt':
    'Dam inspection records questioned\nPlains Gazette, 2024-03-07\nInspectors told the council that cracks 30 centimetres long had been logged in 2022.\nThe water authority said 1,900 homes were damaged, revising its count.\nA union official said 40 maintenance posts had been cut since 2019.\nThe council voted 11 to 4 to open an inquiry.\nThe inquiry will cost about 1.5 million euros, the council estimated.\nEngineers said 12 other dams in the region would be inspected by June.',
  'port-1.txt':
    'Dockers strike halts container traffic\nHarbour Daily, 2024-06-10\nThe port authority said 42 ships were waiting at anchor on Monday.\nThe union said 2,300 dockers had joined the strike.\nShipping agents said each idle day cost about 5 million dollars.\nThe port handled 1.2 million containers last year, officials said.\nTruck drivers said queues at the gates stretched for 9 kilometres.\nThe chamber of commerce said 140 firms had halted deliveries.',
  'port-2.txt':
    'Strike enters second week at the port\nCoastal Wire, 2024-06-17\nThe port authority said 61 ships were waiting at anchor.\nThe union said 2,800 dockers were now on strike.\nExporters said 900 containers of fruit had spoiled.\nThe transport minister said talks would resume within 3 days.\nThe union said strike pay had reached 70 percent of wages.\nPolice said 4 pickets were arrested on Friday.',
  'port-3.txt':
    'Port strike ends with pay deal\nHarbour Daily, 2024-06-24\nThe union said members accepted a pay rise of 6 percent over 2 years.\nThe port authority said clearing the backlog of 70 ships would take 10 days.\nOfficials said 3,000 containers a day would be moved once work resumed.\nThe union said 150 temporary contracts would become permanent.\nShipping lines said surcharges of 200 dollars per container would end in July.',
  'rail-1.txt':
    'Rail line reopens after landslide\nMountain Post, 2024-09-02\nThe rail operator said 35 trains a day would run again from Tuesday.\nCrews removed 12,000 tonnes of rock, the operator said.\nThe repair cost 4 million francs, according to the canton.\nAbout 9,000 commuters use the line each day, the operator said.\nThe canton said 2 kilometres of new barrier would be built.',
  'rail-2.txt':
    'Landslide line back in service\nAlpine Courier, 2024-09-03\nThe canton said the repair cost 4.5 million francs.\nThe operator said 32 trains a day would run at first.\nGeologists said the slope moved 8 centimetres in August.\nThe operator said buses had carried 110,000 passengers during the closure.\nThe canton plans to spend 20 million francs on slope sensors over 5 years.\nThe operator said 3 stations would get longer platforms by 2026.\nHikers were told to avoid 4 trails near the slide, police said.',
};

describe('a real library', () => {
  let services: Services;
  const events: Array<{ briefId: string; done: number; total: number }> = [];
  const open = () =>
    openServices({ libraryDir: join(work, 'library'), host: 'cli', version: 'test', claims: new InlineClaimsRunner(), emit: (event, payload) => event === 'briefs:exportProgress' && events.push(payload as (typeof events)[number]) });
  let ids: string[] = [];
  let stored: Brief;
  const worker = new WorkerBriefFileWriter({ workerFile: new URL('../../../electron/services/briefs/export/worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] });

  beforeAll(async () => {
    const inbox = join(work, 'inbox');
    for (const [name, text] of Object.entries(REPORTS)) {
      const path = join(inbox, name);
      execFileSync('mkdir', ['-p', inbox]);
      writeFileSync(path, `${text}\n`);
    }
    services = await open();
    const imported = await services.library.importPaths([inbox]);
    ids = (imported as Array<{ id: string }>).map((r) => r.id);
    // A brief that goes back and forth between documents, further apart than the resolver keeps.
    const items = [];
    for (const index of [0, 4, 7, 1, 5, 0, 6, 2, 3, 7, 0]) {
      const docId = ids[index]!;
      const { claims } = await services.handlers['claims:list']({ id: docId });
      items.push(await services.handlers['briefs:claimItem']({ docId, claimId: claims[items.length % claims.length]!.id }));
    }
    const text = (await services.library.get(ids[1]!)).text;
    const quote = 'far more than first reported';
    const note = await services.handlers['notes:create']({ docId: ids[1]!, body: 'Check **the governor’s** count against the [authority](https://example.org/water).', start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
    stored = await services.handlers['briefs:create']({ title: 'Floods and strikes', items: [{ id: 'h1', type: 'heading', text: 'Back and forth' }, ...items, { id: 'n1', type: 'note', noteId: note.id }] });
  }, 120_000);
  afterAll(async () => {
    await worker.close();
    await services.close();
  });

  /** The export's text with its "generated" time taken out: each export is made at its own moment. */
  const undated = (text: string) => text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, 'TIME').replace(/generated[^*<\n]*\d{2}:\d{2} UTC/gi, 'generated')
    // The time as a reader sees it, inside the HTML's <time> element too: runs may straddle a minute.
    .replace(/\d{1,2} \p{L}+ \d{4}, \d{2}:\d{2} UTC/gu, 'WHEN');

  async function written(path: string, format: ExportFormat): Promise<string> {
    if (format === 'docx') return undated(await wordParts(readFileSync(path)));
    if (format === 'pdf') return undated(pdfText(readFileSync(path)));
    return undated(readFileSync(path, 'utf8'));
  }

  for (const format of ['md', 'html', 'pdf', 'docx'] as const) {
    it.skipIf(format === 'pdf' && !pdftotext)(`writes the same ${format} in-process, through the worker, and from the brief resolved whole`, async () => {
      for (const [label, brief, whole] of [
        ['stored brief', () => services.briefs.stream(stored), async () => services.briefs.resolve(stored)],
        ['all claims', () => services.briefs.streamAllClaims('Every claim'), async () => services.briefs.resolve(await services.briefs.allClaimsBrief('Every claim'))],
      ] as const) {
        const inline = join(work, `inline-${label}.${format}`);
        const threaded = join(work, `worker-${label}.${format}`);
        const memory = join(work, `memory-${label}.${format}`);
        await exportBriefToFile(brief(), format, inline);
        expect(await worker.write(brief(), format, threaded)).toBe(readFileSync(threaded).length);
        writeFileSync(memory, await exportBrief(await whole(), format));
        // Streamed, every claim of the library is counted from the claim files: its PDF's title block
        // names the documents the claims come from, where a brief read whole counts the sources it cites.
        const outlined = format === 'pdf' && label === 'all claims';
        const expected = (await written(memory, format)).replace(outlined ? /(\d+) source(s?)\b/ : /$^/, '$1 document$2');
        expect(await written(inline, format), `${label}, in-process`).toBe(expected);
        expect(await written(threaded, format), `${label}, worker`).toBe(expected);
      }
    }, 120_000);
  }

  it('sends the all-claims brief to the worker in several batches, and its disputes reach the closing table', async () => {
    const items = [];
    const brief = services.briefs.streamAllClaims('Every claim');
    for await (const item of brief.items) items.push(item);
    expect(items.length).toBeGreaterThan(64);
    const disputes = items.filter((i) => i.type === 'group');
    expect(disputes.length).toBeGreaterThan(0);
    const path = join(work, 'batches.md');
    await worker.write(services.briefs.streamAllClaims('Every claim'), 'md', path);
    const md = readFileSync(path, 'utf8');
    const table = md.slice(md.indexOf('## Figures in dispute'), md.indexOf('## Sources'));
    for (const item of disputes) if (item.type === 'group') expect(table).toContain(item.group.label.replace(/[\\`*_[\]<>|~&]/g, '\\$&'));
    for (const item of items) if (item.type === 'claim') expect(md).toContain(`“${item.citation.quote.replace(/\s+/g, ' ')}”`.slice(0, 30));
  });

  it('reports its progress to the app, over both readings of a stored brief’s PDF and the one reading of every claim', async () => {
    for (const [request, briefId] of [
      [{ id: stored.id, format: 'md' }, stored.id],
      [{ id: stored.id, format: 'pdf' }, stored.id],
      [{ allClaims: true, format: 'pdf' }, 'all-claims'],
    ] as const) {
      events.length = 0;
      const exported = await services.handlers['briefs:export'](request);
      await services.downloads.discard(exported.download!);
      expect(events.length, briefId).toBeGreaterThan(0);
      expect(new Set(events.map((e) => e.briefId))).toEqual(new Set([briefId]));
      const done = events.map((e) => e.done);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      expect(events.at(-1)!.done).toBe(events.at(-1)!.total);
      // A stored brief's PDF reads its items twice, the first reading as the first half; every claim
      // of the library is read once, a step per document and one for the disputed figures.
      const readings = request.format === 'pdf' && !('allClaims' in request) ? 2 : 1;
      expect(events[0]!.total).toBe(readings * ('allClaims' in request ? ids.length + 1 : stored.items.length));
      if (readings === 2) expect(events.some((e) => e.done * 2 === e.total)).toBe(true);
    }
  });

  it('outlines every claim from the claim files as reading the whole brief would, rejected claims left out', async () => {
    // One claim rejected here, and every claim of another document, whose report is then cited nowhere.
    const partly = (await services.handlers['claims:list']({ id: ids[0]! })).claims;
    const wholly = (await services.handlers['claims:list']({ id: ids[7]! })).claims;
    const rejected = [{ docId: ids[0]!, claimId: partly[0]!.id }, ...wholly.map((c) => ({ docId: ids[7]!, claimId: c.id }))];
    for (const r of rejected) await services.handlers['claims:review']({ ...r, status: 'rejected' });
    try {
      const read = await scanBrief(streamOf(await services.briefs.resolve(await services.briefs.allClaimsBrief('Every claim'))));
      const outlined = await scanBrief(services.briefs.streamAllClaims('Every claim'));
      // The same claims; the documents they come from (the title block says "documents", since a
      // disputed figure may still cite a report by its headline).
      expect(outlined).toEqual({ claims: read.claims, sources: ids.length - 1, documents: true, unicode: read.unicode });
      // Whether any text needs a wider font is asked of all a brief may print: kept claims, citation
      // fields, and the short lines a disputed figure can quote, even from a report whose claims were all rejected.
      const brief = services.briefs.streamAllClaims('Every claim');
      expect((await brief.outline!((text) => text.includes('Rail line reopens after landslide'))).needed).toBe(true);
      expect((await brief.outline!((text) => text.includes('Landslide line back in service'))).needed).toBe(true);
      expect((await brief.outline!((text) => text.includes(partly[1]!.text))).needed).toBe(true);
      expect((await brief.outline!((text) => text.includes('words no report holds'))).needed).toBe(false);
    } finally {
      for (const r of rejected) await services.handlers['claims:revert'](r);
    }
  });

  it('leaves the earlier file and no temp file behind when an item fails half-way', async () => {
    const items = [...stored.items];
    const claim = items.find((i) => i.type === 'claim')!;
    // A claim whose passage is no longer in its document, after a few good ones.
    items.splice(5, 0, { ...claim, id: 'gone', anchor: { ...claim.anchor, quote: { exact: 'words this report never printed', prefix: 'zz', suffix: 'zz' } } } as typeof claim);
    const broken = { ...stored, items };
    const dir = mkdtempSync(join(work, 'failed-'));
    const target = join(dir, 'brief.md');
    writeFileSync(target, 'the earlier export');
    await expect(exportBriefToFile(services.briefs.stream(broken), 'md', target)).rejects.toMatchObject({ code: 'stale-brief' });
    await expect(worker.write(services.briefs.stream(broken), 'docx', join(dir, 'brief.docx'))).rejects.toMatchObject({ code: 'stale-brief' });
    expect(readFileSync(target, 'utf8')).toBe('the earlier export');
    expect(readdirSync(dir)).toEqual(['brief.md']);
    // A system error in the worker keeps its code (ENOSPC is told to the user as a full disk).
    await expect(worker.write(services.briefs.stream(stored), 'md', join(dir, 'missing', 'brief.md'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(toWireError(Object.assign(new Error('no space left on device, write'), { code: 'ENOSPC' }))).toEqual({ code: 'disk-full', message: DISK_FULL_MESSAGE });
  });

  it('exports through the command line straight to the file', async () => {
    const { main } = await import('../../../electron/cli/main.ts');
    await services.close();
    try {
      const out = join(work, 'cli', 'every-claim.md');
      execFileSync('mkdir', ['-p', join(work, 'cli')]);
      let printed = '';
      const code = await main(['brief', '--all-claims', '--title', 'Every claim', '--out', out, '--library', join(work, 'library'), '--json'], { out: (t) => (printed += t), err: () => {} });
      expect(code).toBe(0);
      expect(JSON.parse(printed)).toEqual({ out, format: 'md', bytes: readFileSync(out).length });
      expect(readFileSync(out, 'utf8')).toMatch(/^# Every claim\n/);
      expect(existsSync(out)).toBe(true);
      expect(readdirSync(join(work, 'cli'))).toEqual(['every-claim.md']);
    } finally {
      services = await open();
    }
  });
});

describe('the file an export is written to', () => {
  it('finishes when the file and its spools fill and drain in turns', async () => {
    const { FileOutput } = await import('../../../electron/services/briefs/export/output.ts');
    const dir = mkdtempSync(join(work, 'turns-'));
    const out = new FileOutput(join(dir, 'brief.md'));
    const notes = out.spool();
    const other = out.spool();
    const line = `${'The river rose two metres overnight, the mayor said. '.repeat(40)}\n`;
    for (let i = 0; i < 3000; i++) {
      out.write(line);
      notes.write(line);
      if (i % 3 === 0) other.write(line);
      await out.flush();
    }
    for await (const chunk of notes.chunks()) out.write(chunk);
    const bytes = await out.commit();
    expect(bytes).toBe(Buffer.byteLength(line) * 6000);
    expect(readdirSync(dir)).toEqual(['brief.md']);
  }, 60_000);
});
