// Metadata detected at import: titles and date lines of plain text and Markdown, a PDF's printed date
// kept apart from its file date, an HTML page's publication date from its metadata, and bylines cleaned
// of "By", dates and counters. Real files from ../shared where present, and our own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument, outletDateLine, readAndExtract } from '../../../electron/services/ingest/index.ts';
import { cleanByline } from '../../../electron/services/ingest/byline.ts';
import { sharedFolder, writePdf } from './helpers.ts';

const enc = new TextEncoder();
const txt = (text: string, name = 'report.txt') => extractDocument({ name, bytes: enc.encode(text) });
const html = (markup: string) => extractDocument({ name: 'page.html', bytes: enc.encode(markup) });

describe('plain text and Markdown: title, date line, outlet', () => {
  it('takes a headline-like first line as the title, and the date and outlet from the line under it', async () => {
    const doc = await txt('Reservoir reopens after two-year repair\nThe Valley Herald, March 9, 2021\nThe dam at Lake Orme reopened on Tuesday after repairs costing 14 million euros.\n');
    expect(doc.meta).toMatchObject({ title: 'Reservoir reopens after two-year repair', published: '2021-03-09', outlet: 'The Valley Herald' });
  });

  it('reads an ISO date line and outlets whose names end in punctuation or start in lower case', async () => {
    const exclaim = await txt('Port strike ends after nine days\nHarbour Watch!, 2019-06-14\nDockers returned to work on Friday.');
    expect(exclaim.meta).toMatchObject({ title: 'Port strike ends after nine days', published: '2019-06-14', outlet: 'Harbour Watch!' });
    const lower = await txt('Chip plant delayed to 2027\ntech-daily, 2024-02-01\nThe plant will open two years late.');
    expect(lower.meta).toMatchObject({ title: 'Chip plant delayed to 2027', published: '2024-02-01', outlet: 'tech-daily' });
  });

  it('reads a wire dateline, and does not take a date line above the headline for the title', async () => {
    const dateline = await txt('Flood barriers hold in river city\nRIVERTON, April 3, 2022 (Northern Wire) - Emergency crews said the new barriers held overnight.');
    expect(dateline.meta).toMatchObject({ title: 'Flood barriers hold in river city', published: '2022-04-03' });
    const above = await txt('Published 12 May 2023\n\nCouncil approves new tram line\n\nThe council voted 31 to 9 for the line.');
    expect(above.meta.published).toBe('2023-05-12');
    expect(above.meta.title).toBe('Council approves new tram line');
  });

  it('falls back to a shortened first sentence, and finds no date where there is none', async () => {
    const doc = await txt('Officials in the northern province said on a conference call that the number of people moved from low-lying villages had risen sharply overnight, to about 12,000. More rain is due.');
    expect(doc.meta.title!.length).toBeLessThanOrEqual(101);
    expect(doc.meta.title).toMatch(/^Officials in the northern province said on a conference call .*…$/);
    expect(doc.meta.published).toBeNull();
  });

  it('keeps front-matter dates over a date line in a Markdown file', async () => {
    const doc = await extractDocument({ name: 'n.md', bytes: enc.encode('---\ndate: 2020-01-02\n---\n# Budget talks resume\n\nLedger Post, 2020-05-05\n\nTalks resumed.') });
    expect(doc.meta.published).toBe('2020-01-02');
    expect(doc.meta.title).toBe('Budget talks resume');
  });

  it('accepts only a line that is an outlet and a date, nothing more', () => {
    expect(outletDateLine('Headline here\nSome Outlet, 2020-01-02\nBody.')).toMatchObject({ outlet: 'Some Outlet', published: '2020-01-02' });
    expect(outletDateLine('Headline\nIn Paris, prices rose 4% in 2020-01-02 terms\nBody.')).toBeNull();
    expect(outletDateLine('Headline\nThe mayor, who took office on 2020-01-02, resigned.\nBody.')).toBeNull();
  });

  const stories = sharedFolder('corpus', 'stories');
  if (!stories) {
    it.skip('skipped: ../shared/corpus/stories is absent (real-article tests need the shared folder beside the project)', () => {});
  } else {
    it('titles, dates and outlets every real story article by its first two lines', async () => {
      let checked = 0;
      for (const story of readdirSync(stories, { withFileTypes: true }).filter((e) => e.isDirectory())) {
        for (const file of readdirSync(join(stories, story.name)).filter((f) => f.endsWith('.txt'))) {
          const path = join(stories, story.name, file);
          const [first, second] = readFileSync(path, 'utf8').split('\n');
          const doc = await readAndExtract(path);
          // The file names carry the publication date the articles print on their second line.
          expect(doc.meta.published, file).toBe(/\d{4}-\d{2}-\d{2}/.exec(file)![0]);
          expect(doc.meta.title, file).toBe(first!.trim());
          expect(doc.meta.outlet, file).toBe(second!.slice(0, second!.lastIndexOf(',')).trim());
          checked++;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(10);
    });
  }
});

describe('PDF: the file date is not the publication date', () => {
  it('keeps CreationDate as the file date and uses a date printed on the first page', async () => {
    const bytes = writePdf(
      [
        { runs: [{ text: 'Grain exports report', x: 72, y: 720 }, { text: 'Issued 14 February 2019', x: 72, y: 700 }, { text: 'Exports rose by 8 percent.', x: 72, y: 670 }] },
        { runs: [{ text: 'Annex, revised 3 March 2020.', x: 72, y: 720 }] },
      ],
      { CreationDate: 'D:20260105120000Z' },
    );
    const doc = await extractDocument({ name: 'grain.pdf', bytes });
    expect(doc.meta.fileDate).toBe('2026-01-05T12:00:00Z');
    expect(doc.meta.published).toBe('2019-02-14');
  });

  it('leaves the publication date empty when the first page prints none', async () => {
    const bytes = writePdf([{ runs: [{ text: 'Grain exports rose by 8 percent.', x: 72, y: 720 }] }], { CreationDate: 'D:20260105120000Z' });
    const doc = await extractDocument({ name: 'grain.pdf', bytes });
    expect(doc.meta).toMatchObject({ published: null, fileDate: '2026-01-05T12:00:00Z' });
  });

  const pdfDir = sharedFolder('formats', 'pdf');
  if (!pdfDir) {
    it.skip('skipped: ../shared/formats/pdf is absent', () => {});
  } else {
    it('dates real PDFs by their first page, never by the file date alone', async () => {
      const results = new Map<string, { published: string | null; fileDate: string | null | undefined }>();
      for (const file of readdirSync(pdfDir).filter((f) => f.endsWith('.pdf'))) {
        const doc = await readAndExtract(join(pdfDir, file));
        results.set(file, { published: doc.meta.published, fileDate: doc.meta.fileDate });
        expect(doc.meta.fileDate, file).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      }
      // Dates these files print on page one (the press release's dateline, the register's issue date).
      expect(results.get('kroger-q2-2023-press-release.pdf')?.published).toBe('2023-09-08');
      expect(results.get('federal-register-2020-17221.pdf')?.published).toBe('2020-08-06');
      expect(results.get('jstor-colmex-open-access.pdf')?.published).toBe('2019-12-19');
      // A file saved in 2013 from a 2011 report is not dated 2013.
      expect(results.get('mmwr-heart-disease-stroke-2011.pdf')?.published?.slice(0, 4)).toBe('2011');
    });
  }
});

describe('HTML: publication date from page metadata', () => {
  it('reads article:published_time, then JSON-LD datePublished (also inside @graph), then <time>', async () => {
    const meta = await html('<html><head><meta property="article:published_time" content="2022-07-01T08:30:00Z"></head><body><article><p>Text of the story goes here.</p></article></body></html>');
    expect(meta.meta.published).toBe('2022-07-01T08:30:00Z');
    const graph = await html(
      '<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2021-11-02T10:00:00+01:00"}]}</script></head><body><p>Text.</p></body></html>',
    );
    expect(graph.meta.published).toBe('2021-11-02T10:00:00+01:00');
    const time = await html('<html><body><article><h1>Ferry resumes</h1><p>By Ana Ruiz · <time datetime="2020-03-04T09:15">4 March 2020</time></p><p>The ferry resumed service.</p></article></body></html>');
    expect(time.meta.published).toBe('2020-03-04T09:15');
    const printed = await html('<html><body><article><p><time>March 9, 2021</time></p><p>The ferry resumed service after the storm.</p></article></body></html>');
    expect(printed.meta.published).toBe('2021-03-09');
  });
});

describe('bylines', () => {
  it('keeps the names, without "By", dates, times or counters', () => {
    expect(cleanByline('by Tomas Berg14 Jan 2018412')).toBe('Tomas Berg');
    expect(cleanByline('By Ana Ruiz and Omar Haddad')).toBe('Ana Ruiz and Omar Haddad');
    expect(cleanByline('March 2, 2020 at 7:45 am Updated March 3, 2020 at 1:10 pm')).toBeNull();
    expect(cleanByline('By Lee Park Published 3:04 PM ET Tue, 14 March 2023')).toBe('Lee Park');
    expect(cleanByline('Sam Ortiz • 6 min read')).toBe('Sam Ortiz');
    // Month names are also given names: only those beside a number go.
    expect(cleanByline('Jan Novak, June Park')).toBe('Jan Novak, June Park');
    expect(cleanByline('By May Chen 3 Dec 2020')).toBe('May Chen');
    expect(cleanByline('  ')).toBeNull();
  });
});
