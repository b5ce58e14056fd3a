// Brief exporters: every format carries every quoted passage, citation link and source; HTML is
// escaped and self-contained; PDF text extracts with poppler; DOCX has real footnotes and opens in LibreOffice.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResolvedBrief } from '../../../shared/types/brief.ts';
import { planBrief, formatDate } from '../../../electron/services/briefs/export/citations.ts';
import { exportBrief, formatFromPath, toDocx, toHtml, toMarkdown, toPdf, type ExportFormat } from '../../../electron/services/briefs/export/index.ts';
import { toWinAnsi } from '../../../electron/services/briefs/export/pdf.ts';
import { syntheticBrief } from '../../../scripts/bench-brief.ts';
import { ALL_CITATIONS, CITATIONS, QUOTES, SOURCES, citation, fixtureBrief } from './fixture-brief.ts';

const work = mkdtempSync(join(tmpdir(), 'dossier-brief-export-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function binary(name: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

const pdftotextBin = binary('pdftotext');
const pdftoppmBin = binary('pdftoppm');
const pdfinfoBin = binary('pdfinfo');
const officeBin = binary('soffice') ?? binary('libreoffice');

/** Whitespace-insensitive: extracted text wraps lines wherever the layout did. */
const spaced = (text: string) => text.replace(/\s+/g, ' ').trim();
/**
 * Links may wrap at a slash or a hyphen, and pdftotext drops a hyphen that ends a line: compare
 * them with whitespace and hyphens removed.
 */
const squashed = (text: string) => text.replace(/[\s-]+/g, '');

let fileCount = 0;
function pdfText(bytes: Uint8Array): string {
  const path = join(work, `extract-${++fileCount}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync(pdftotextBin!, ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The text of a WordprocessingML part, paragraph per line. */
function wordText(xml: string): string {
  return xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<w:br\/>/g, '\n')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (XML_ENTITIES[e] ?? `&${e};`),
    );
}

/**
 * Every passage, its source and a link back to it. `visibleText` is what a reader sees: there the app's
 * link is only its label, and no internal id (a document id, a passage's offsets) may show.
 */
function expectCitations(text: string, label: string, visibleText = true) {
  const flat = spaced(text);
  const tight = squashed(text);
  for (const c of ALL_CITATIONS) {
    expect(flat, `${label}: quote ${c.quote}`).toContain(spaced(c.quote));
    if (!visibleText) expect(tight, `${label}: link ${c.link}`).toContain(squashed(c.link));
    expect(flat, `${label}: title ${c.source.title}`).toContain(c.source.title);
  }
  if (visibleText) {
    expect(flat, `${label}: link label`).toContain('Open in Dossier');
    expect(flat, `${label}: no app links printed`).not.toContain('dossier://');
    for (const source of Object.values(SOURCES)) expect(flat, `${label}: no document ids`).not.toContain(source.docId);
  }
  expect(flat, `${label}: page numbers`).toContain('p. 3');
  expect(flat).toContain('p. 5');
  for (const source of Object.values(SOURCES)) {
    if (source.outlet) expect(flat, `${label}: outlet`).toContain(source.outlet);
    if (source.author) expect(flat, `${label}: author`).toContain(source.author);
    if (source.url) expect(tight, `${label}: url`).toContain(squashed(source.url));
  }
  expect(flat).toContain('28 February 2024');
  expect(flat).toContain('Figures in dispute');
  expect(flat).toContain('Sources');
  expect(flat).toContain('Western officials via CNN');
  expect(flat).toContain('Hedges: “may”, “reportedly”');
  expect(flat).toContain('Negated');
  expect(flat).toContain('Conflicting');
}

describe('formatFromPath', () => {
  it('reads the format from the extension, in any case, and refuses others', () => {
    expect(formatFromPath('/tmp/brief.md')).toBe('md');
    expect(formatFromPath('C:\\Users\\me\\Brief.MARKDOWN')).toBe('md');
    expect(formatFromPath('brief.HTM')).toBe('html');
    expect(formatFromPath('a.b/brief.html')).toBe('html');
    expect(formatFromPath('brief.pdf')).toBe('pdf');
    expect(formatFromPath('Brief.DOCX')).toBe('docx');
    expect(formatFromPath('brief.doc')).toBeNull();
    expect(formatFromPath('brief')).toBeNull();
    expect(formatFromPath('/tmp/.md')).toBeNull();
    expect(formatFromPath('dir.md/brief')).toBeNull();
  });
});

describe('footnote plan and shared wording', () => {
  it('numbers claims and notes in reading order and points repeated figures back to the first note', () => {
    const plan = planBrief(fixtureBrief());
    expect(plan.footnotes.map((f) => f.citation)).toEqual([CITATIONS.tents, CITATIONS.troops, CITATIONS.convoy, CITATIONS.depotNote, CITATIONS.statementTroops]);
    const group = plan.items.find((i) => i.type === 'group');
    // The 100,000 figure comes from the passage claim 2 already cites.
    expect(group?.type === 'group' && group.notes).toEqual([
      { n: 2, first: false },
      { n: 5, first: true },
    ]);
    expect(plan.disputes[0].notes).toEqual([
      { n: 2, first: false },
      { n: 5, first: false },
    ]);
  });

  it('lists a cited document in Sources even when the brief left it out', () => {
    const plan = planBrief(fixtureBrief({ sources: [SOURCES.report] }));
    expect(plan.sources.map((s) => s.docId)).toEqual([SOURCES.report.docId, SOURCES.article.docId, SOURCES.statement.docId]);
  });

  it('formats dates as written, with the time only where asked', () => {
    expect(formatDate('2024-03-01')).toBe('1 March 2024');
    expect(formatDate('2024-03-01T23:30:00-05:00')).toBe('1 March 2024');
    expect(formatDate('2024-03-12T14:05:00.000Z', true)).toBe('12 March 2024, 14:05 UTC');
    expect(formatDate('2024-11')).toBe('November 2024');
    expect(formatDate('Spring 2023')).toBe('Spring 2023');
    expect(formatDate(null)).toBeNull();
  });
});

describe('Markdown', () => {
  const md = toMarkdown(fixtureBrief());

  it('has the title, date, headings, free text and claims with their details', () => {
    expect(md.startsWith('# Northern border build-up: what the sources say\n')).toBe(true);
    expect(md).toContain('generated 12 March 2024, 14:05 UTC');
    expect(md).toContain('## Summary');
    expect(md).toContain('## Figures compared');
    expect(md).toContain('Sources agree on a **build-up** but *not* on its size.');
    expect(md).toContain('> Imagery shows at least 40 new tents beside the rail spur.[^1]');
    expect(md).toContain('**Attributed** · Source: Western officials via CNN · Figures: 100,000 troops');
    expect(md).toContain('**Note**[^4]');
    expect(md).toContain('| Western officials | 100,000[^2] | CNN |');
  });

  it('defines every footnote it references, each with the exact passage, source and link', () => {
    expectCitations(md, 'markdown', false);
    const refs = new Set([...md.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => Number(m[1])));
    const defs = [...md.matchAll(/^\[\^(\d+)\]: (.*)$/gm)].map((m) => Number(m[1]));
    expect([...refs].sort((a, b) => a - b)).toEqual(defs);
    expect(md).toContain(
      `[^1]: “${QUOTES.tents}” — Dana Whitfield, *Satellite Imagery Assessment: Northern Depots*, Open Source Intelligence Review, 28 February 2024, p. 3. <${SOURCES.report.url}> [Open in Dossier](<${CITATIONS.tents.link}>)`,
    );
    // The Sources list comes from citeproc-js in APA style: family name and initials, year, title, outlet.
    expect(md).toContain('2. Raman, P. (2024, March 1). Troops mass near the border as talks stall. *CNN*. <https://edition.cnn.example.com/2024/03/01/troops-border>');
  });

  it('escapes Markdown syntax in titles and passages', () => {
    const tricky = citation({ ...SOURCES.article, title: 'Why *this* [matters] <b>' }, '# not a heading | 2 * 3_4', 7);
    const out = toMarkdown(
      fixtureBrief({ title: '1. Risks & *unknowns*', items: [{ type: 'note', markdown: 'A note.', citation: tricky }], sources: [tricky.source], disputes: [] }),
    );
    expect(out).toContain('# 1\\. Risks \\& \\*unknowns\\*');
    expect(out).toContain('*Why \\*this\\* \\[matters\\] \\<b\\>*');
    expect(out).toContain('“# not a heading \\| 2 \\* 3\\_4”');
  });
});

describe('HTML', () => {
  const html = toHtml(fixtureBrief());

  it('is one self-contained page with a restrictive CSP, print and dark styles, and no scripts', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).toContain('@media print');
    expect(html).toContain('prefers-color-scheme: dark');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|@import|url\(/i);
    expect(html).toContain('<title>Northern border build-up: what the sources say</title>');
  });

  it('carries every passage, link and source, with linked numbered notes', () => {
    const text = html.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expectCitations(text, 'html');
    const plan = planBrief(fixtureBrief());
    for (const { n, citation: c } of plan.footnotes) {
      expect(html).toContain(`<li id="fn-${n}">`);
      expect(html).toContain(`id="fnref-${n}"`);
      expect(html).toContain(`<a href="${c.link}">Open in Dossier</a>`);
    }
  });

  it('renders free text with markdown-it but without raw HTML or unsafe links', () => {
    expect(html).toContain('<strong>build-up</strong>');
    expect(html).toContain('<li>Imagery is the firmest evidence</li>');
    expect(html).toContain('<a href="https://www.understandingwar.org/">the ISW update</a>');
    expect(html).toContain('&lt;b&gt;raw&lt;/b&gt;');
    expect(html).not.toMatch(/href="javascript:/i);
  });

  it('escapes user text everywhere it appears', () => {
    const evil = citation({ ...SOURCES.article, title: '<img src=x onerror=alert(1)>', url: 'javascript:alert(2)', outlet: 'A & B' }, 'He said "<script>alert(3)</script>"', 3);
    const out = toHtml(
      fixtureBrief({
        title: 'Brief <script>alert("x")</script>',
        items: [{ type: 'heading', text: '</h2><script>' }, { type: 'note', markdown: '<script>alert(4)</script>', citation: evil }],
        sources: [evil.source],
        disputes: [],
      }),
    );
    expect(out).not.toMatch(/<script|<img|href="javascript/i);
    expect(out).toContain('<title>Brief &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>');
    expect(out).toContain('<h1>Brief &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('He said &quot;&lt;script&gt;alert(3)&lt;/script&gt;&quot;');
    expect(out).toContain('A &amp; B');
    expect(out).toContain('javascript:alert(2)'); // shown as text, not linked
  });
});

describe('exportBrief', () => {
  it('returns UTF-8 bytes for text formats and file bytes for the others', async () => {
    const brief = fixtureBrief();
    expect(new TextDecoder().decode(await exportBrief(brief, 'md'))).toBe(toMarkdown(brief));
    expect(new TextDecoder().decode(await exportBrief(brief, 'html'))).toBe(toHtml(brief));
    expect(Buffer.from(await exportBrief(brief, 'pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.from(await exportBrief(brief, 'docx')).subarray(0, 2).toString()).toBe('PK');
    await expect(exportBrief(brief, 'rtf' as ExportFormat)).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('exports an empty brief in every format', async () => {
    const empty: ResolvedBrief = { title: '', generatedAt: '', items: [], sources: [], disputes: [] };
    for (const format of ['md', 'html', 'pdf', 'docx'] as const) expect((await exportBrief(empty, format)).length).toBeGreaterThan(0);
    expect(toMarkdown(empty)).toContain('# Untitled brief');
  });

  // How long a long brief takes in each format is measured by `npm run bench` (brief.export_200_claims_*).
  it('exports a 200-claim brief in every format, every claim cited', async () => {
    const brief = syntheticBrief(200, 20);
    const claims = brief.items.filter((i) => i.type === 'claim');
    expect(claims).toHaveLength(200);
    const markdown = new TextDecoder().decode(await exportBrief(brief, 'md'));
    for (const claim of claims) expect(markdown).toContain(claim.citation.link);
    for (const format of ['html', 'pdf', 'docx'] as const) expect((await exportBrief(brief, format)).length, format).toBeGreaterThan(10_000);
  });
});

describe('PDF', () => {
  it('maps text the standard fonts cannot encode', () => {
    expect(toWinAnsi('“Quotes” — dashes – and € stay')).toBe('“Quotes” — dashes – and € stay');
    expect(toWinAnsi('Łódź −5 ≥ 3 ő')).toBe('Lódz -5 >= 3 o');
    expect(toWinAnsi('Москва 北京 😀')).toBe('?????? ?? ?');
  });

  it('sets the document title and creator', async () => {
    const bytes = await toPdf(fixtureBrief());
    expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe('%PDF-');
    if (!pdfinfoBin) return console.warn('skipped pdfinfo checks: pdfinfo (poppler-utils) is not installed');
    const path = join(work, 'info.pdf');
    writeFileSync(path, bytes);
    const info = execFileSync(pdfinfoBin, [path], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+Northern border build-up: what the sources say$/m);
    expect(info).toMatch(/^Creator:\s+Dossier$/m);
  });

  it.skipIf(!pdftotextBin)('has extractable text with every passage, link and source (pdftotext)', async () => {
    const text = pdfText(await toPdf(fixtureBrief()));
    expectCitations(text, 'pdf');
    expect(spaced(text)).toContain('Northern border build-up: what the sources say');
    expect(spaced(text)).toContain('Imagery shows at least 40 new tents beside the rail spur.');
  });

  it.skipIf(!pdftoppmBin)('renders page 1 to PNG (pdftoppm)', async () => {
    const path = join(work, 'render.pdf');
    writeFileSync(path, await toPdf(fixtureBrief()));
    execFileSync(pdftoppmBin!, ['-png', '-r', '50', '-f', '1', '-l', '1', path, join(work, 'page')]);
    const png = readFileSync(join(work, 'page-1.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it.skipIf(!pdftotextBin)('exports text outside WinAnsi without failing, embedding DejaVu when installed', async () => {
    const src = { ...SOURCES.article, title: 'Заявление министерства', author: 'Łukasz Wiśniewski' };
    const cyrillic = citation(src, 'Министерство заявило: «войска отведены» — 部队 ≈ 5 km', 10);
    const brief = fixtureBrief({
      title: 'Брифинг',
      items: [{ type: 'claim', text: 'Войска отведены.', certainty: 'asserted', attribution: null, hedges: [], negated: false, quantities: [], citation: cyrillic }],
      sources: [src],
      disputes: [],
    });
    const plain = spaced(pdfText(await toPdf(brief, { unicodeFonts: false })));
    expect(plain).toContain('“???????????? ???????: «?????? ????????» — ?? ~ 5 km”');
    expect(plain).toContain('Lukasz Wisniewski');
    expect(plain).toContain('Open in Dossier');

    const rich = spaced(pdfText(await toPdf(brief)));
    if (!existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf')) return console.warn('DejaVu is not installed: only the fallback was checked');
    // DejaVu has Cyrillic and ≈ but no CJK, which still falls back to '?'.
    expect(rich).toContain('“Министерство заявило: «войска отведены» — ?? ≈ 5 km”');
    expect(rich).toContain('Łukasz Wiśniewski, Заявление министерства');
  });
});
  it.skipIf(!pdftotextBin)('keeps the standard fonts when every character outside WinAnsi has a look-alike', async () => {
    const arrows = citation(SOURCES.article, 'The toll rose: 304 → 1,297 → 1,419, and at most ≤ 2,000 are missing', 10);
    const brief = fixtureBrief({ items: [{ type: 'claim', text: 'The toll rose.', certainty: 'asserted', attribution: null, hedges: [], negated: false, quantities: [], citation: arrows }], sources: [SOURCES.article], disputes: [] });
    const pdf = await toPdf(brief);
    // No embedded font file: the brief is set in the standard fonts, each arrow drawn as "->".
    expect(Buffer.from(pdf).includes('/FontFile2')).toBe(false);
    expect(spaced(pdfText(pdf))).toContain('304 -> 1,297 -> 1,419, and at most <= 2,000');
  });


describe('DOCX', () => {
  it('has heading styles, the claims, and a real footnote per citation', async () => {
    const zip = await JSZip.loadAsync(await toDocx(fixtureBrief()));
    const documentXml = await zip.file('word/document.xml')!.async('string');
    const footnotesXml = await zip.file('word/footnotes.xml')!.async('string');
    const coreXml = await zip.file('docProps/core.xml')!.async('string');
    expect(coreXml).toContain('<dc:title>Northern border build-up: what the sources say</dc:title>');
    expect(coreXml).toContain('<dc:creator>Dossier</dc:creator>');
    expect(documentXml).toContain('<w:pStyle w:val="Title"/>');
    expect(documentXml).toContain('<w:pStyle w:val="Heading1"/>');
    const body = spaced(wordText(documentXml));
    expect(body).toContain('Imagery shows at least 40 new tents beside the rail spur.');
    expect(body).toContain('Attributed · Source: Western officials via CNN');

    const plan = planBrief(fixtureBrief());
    const refs = [...documentXml.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(refs).toEqual(plan.footnotes.map((f) => f.n));
    const notes = [...footnotesXml.matchAll(/<w:footnote w:id="(\d+)">([\s\S]*?)<\/w:footnote>/g)];
    expect(notes.map((m) => Number(m[1]))).toEqual(plan.footnotes.map((f) => f.n));
    for (const [, id, xml] of notes) {
      const c = plan.footnotes[Number(id) - 1].citation;
      expect(spaced(wordText(xml))).toContain(`“${c.quote}”`);
      expect(wordText(xml)).toContain('Open in Dossier');
    }
    // The app's links are hyperlink targets, not text: Word keeps the passage as the link's anchor.
    const rels = await zip.file('word/_rels/footnotes.xml.rels')!.async('string');
    for (const { citation: c } of plan.footnotes) {
      const [target, anchor] = c.link.split('#');
      expect(rels).toContain(`Target="${target}"`);
      expect(footnotesXml).toContain(`w:anchor="${anchor}"`);
    }
    expectCitations(`${wordText(documentXml)}\n${wordText(footnotesXml)}`, 'docx xml');
  });

  it.skipIf(!officeBin || !pdftotextBin)(
    'opens in LibreOffice, which prints every passage, link and source',
    async () => {
      const dir = mkdtempSync(join(work, 'office-'));
      const docx = join(dir, 'brief.docx');
      writeFileSync(docx, await toDocx(fixtureBrief()));
      execFileSync(officeBin!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
        timeout: 180_000,
        stdio: 'ignore',
      });
      const text = pdfText(readFileSync(join(dir, 'brief.pdf')));
      expectCitations(text, 'docx via LibreOffice');
      expect(spaced(text)).toContain('Imagery shows at least 40 new tents beside the rail spur.');
    },
    240_000,
  );
});

if (!pdftotextBin || !pdftoppmBin || !officeBin) {
  console.warn(
    `brief export tests: ${[!pdftotextBin && 'pdftotext', !pdftoppmBin && 'pdftoppm', !officeBin && 'LibreOffice (soffice)'].filter(Boolean).join(', ')} missing; those checks are skipped`,
  );
}

describe('a brief an editor can follow', () => {
  const reviewed = fixtureBrief({
    items: [
      {
        type: 'claim',
        text: 'Officials said absolutely nowhere near 3,000 people died.',
        certainty: 'attributed',
        attribution: { source: 'officials', via: [] },
        hedges: [],
        negated: true,
        quantities: [{ text: '3,000', low: 3000, high: 3000, approximate: false, bound: 'at-most', unit: 'people', figure: 'at most 3,000' }],
        citation: CITATIONS.troops,
        review: 'corrected',
      },
      {
        type: 'claim',
        text: 'Some 11000 people fled.',
        certainty: 'asserted',
        attribution: null,
        hedges: [],
        negated: false,
        quantities: [{ text: '11000', low: 11000, high: 11000, approximate: true, bound: 'exact', unit: 'people', figure: 'about 11,000' }],
        citation: CITATIONS.tents,
        review: 'added',
      },
      { ...(fixtureBrief().items[3] as Extract<ResolvedBrief['items'][number], { type: 'claim' }>), review: 'accepted' },
    ],
    disputes: [],
  });

  it('shows the analyst’s review and writes figures as qualified', () => {
    const md = toMarkdown(reviewed);
    expect(md).toContain('*Corrected by the analyst* · **Attributed** · Source: officials · Negated · Figures: at most 3,000 people');
    expect(md).toContain('*Added by the analyst* · **Asserted** · Figures: about 11,000 people');
    expect(md).toContain('*Accepted by the analyst* · **Asserted**');
    expect(md).not.toMatch(/Figures: 3,000|Figures: 11000/);
  });

  it('names the outlet, date and page next to each quoted claim', () => {
    const md = toMarkdown(reviewed);
    expect(md).toContain('From: CNN, 1 March 2024');
    expect(md).toContain('From: Open Source Intelligence Review, 28 February 2024, p. 3');
  });

  it('colours claims with the app’s certainty colours', () => {
    const css = readFileSync('renderer/src/styles.css', 'utf8');
    const html = toHtml(reviewed);
    const hex = (r: string, g: string, b: string) => `#${[r, g, b].map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
    for (const certainty of ['asserted', 'attributed', 'hedged'] as const) {
      const app = new RegExp(`--${certainty}:\\s*rgba\\((\\d+),\\s*(\\d+),\\s*(\\d+)`).exec(css)!;
      expect(html, certainty).toContain(`--${certainty}: ${hex(app[1]!, app[2]!, app[3]!)}`);
    }
  });
});
