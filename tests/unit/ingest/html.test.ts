// HTML import: metadata against Readability's reference pages in ../shared, text layout and
// sanitisation on our own fixture, and fallbacks for pages Readability cannot use.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument, readAndExtract } from '../../../electron/services/ingest/index.ts';
import { FIXTURES, sharedFolder, squash } from './helpers.ts';
import { findDates } from '../../../shared/text/dates.ts';

/**
 * The reference bylines are Readability's raw ones; Dossier keeps only the names: no leading "By", and
 * no byline at all where the page's "byline" is a timestamp.
 */
function namesOf(byline: string | null): string | null {
  if (!byline) return null;
  if (findDates(byline)[0]?.start === 0) return null;
  return byline.replace(/^\s*by\s+/i, '');
}

const htmlDir = sharedFolder('formats', 'html');

describe('real news pages (../shared/formats/html)', () => {
  if (!htmlDir) {
    it.skip('skipped: ../shared/formats/html is absent (real-page tests need the shared folder beside the project)', () => {});
    return;
  }
  const pages = readdirSync(htmlDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  it('matches the expected title and byline on at least 11 of 12 pages', async () => {
    expect(pages.length).toBe(12);
    const rows: string[] = [];
    let matching = 0;
    for (const page of pages) {
      const expected = JSON.parse(readFileSync(join(htmlDir, page, 'expected-metadata.json'), 'utf8')) as {
        title: string | null;
        byline: string | null;
      };
      const doc = await readAndExtract(join(htmlDir, page, 'source.html'));
      const titleOk = squash(doc.meta.title) === squash(expected.title);
      const bylineOk = squash(doc.meta.author) === squash(namesOf(expected.byline));
      if (titleOk && bylineOk) matching++;
      rows.push(
        `${titleOk && bylineOk ? 'ok  ' : 'FAIL'} ${page.padEnd(15)} title ${titleOk ? 'ok' : `got ${JSON.stringify(doc.meta.title)} want ${JSON.stringify(expected.title)}`}; ` +
          `byline ${bylineOk ? 'ok' : `got ${JSON.stringify(doc.meta.author)} want ${JSON.stringify(expected.byline)}`}`,
      );
    }
    console.log(`HTML metadata: ${matching}/${pages.length} pages match\n${rows.join('\n')}`);
    expect(matching).toBeGreaterThanOrEqual(11);
  });

  it('reads the publication date from the page metadata wherever the reference gives one', async () => {
    let checked = 0;
    for (const page of pages) {
      const expected = JSON.parse(readFileSync(join(htmlDir, page, 'expected-metadata.json'), 'utf8')) as { publishedTime: string | null };
      if (!expected.publishedTime) continue;
      const doc = await readAndExtract(join(htmlDir, page, 'source.html'));
      expect(doc.meta.published?.slice(0, 16), page).toBe(expected.publishedTime.replace(' ', 'T').slice(0, 16));
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it('yields clean plain text for every page, with no markup or script', async () => {
    for (const page of pages) {
      const doc = await readAndExtract(join(htmlDir, page, 'source.html'));
      expect(doc.format).toBe('html');
      expect(doc.pages).toBeNull();
      expect(doc.text.length, page).toBeGreaterThan(100);
      expect(doc.text, page).not.toMatch(/<\/?(script|style|iframe|div|p|span)\b/i);
      expect(doc.text, page).not.toMatch(/\r|\n{3,}|\S[ \t]{2,}/); // indentation of nested list items is intended
      expect(doc.text, page).toBe(doc.text.normalize('NFC'));
    }
  });

  it('takes site name, date, language and canonical URL from the page', async () => {
    const doc = await readAndExtract(join(htmlDir, 'guardian-1', 'source.html'));
    expect(doc.meta.outlet).toBe('the Guardian');
    expect(doc.meta.published).toBe('2019-01-03T07:00:02.000Z');
    expect(doc.meta.lang).toBe('en');
    expect(doc.meta.url).toMatch(/^https:\/\/www\.theguardian\.com\//);
    expect(doc.meta.excerpt).toMatch(/whale whisperers/);
    expect(doc.text).toMatch(/^Whale whisperer Hori Parata/);
  });
});

describe('own HTML fixture', () => {
  const load = async () => readAndExtract(join(FIXTURES, 'article.html'));

  it('detects metadata from meta tags and the canonical link', async () => {
    const { meta } = await load();
    expect(meta).toEqual({
      title: 'Grain exports resume through the Black Sea corridor',
      author: 'Amira Okafor',
      outlet: 'The Harbour Ledger',
      published: '2024-03-05T09:30:00+02:00',
      url: 'https://ledger.example.org/2024/03/grain-corridor',
      lang: 'en-GB',
      excerpt: 'Ship traffic out of Odesa recovered in February, port data show.',
    });
  });

  it('never lets scripts, styles, iframes, noscript, svg, templates or hidden text into the text', async () => {
    const { text } = await load();
    expect(text).not.toMatch(/LEAK/);
    expect(text).not.toMatch(/[<>]/);
  });

  it('lays out paragraphs, line breaks, lists and tables as plain text', async () => {
    const { text } = await load();
    expect(text).toContain(
      'Ship traffic out of Odesa recovered in February, with 3.2 million tonnes of grain leaving the port, according to port authority data. That is roughly twice the volume shipped in January.',
    );
    expect(text).toContain('“We are cautiously optimistic,” said one broker.\nHe asked not to be named.');
    expect(text).toContain('\n\nWhat shipped\n\n');
    expect(text).toContain('- Wheat, mostly to Egypt and Turkey\n- Maize\n  - feed grade\n  - food grade\n- Sunflower oil');
    expect(text).toContain('1. Egypt\n2. Spain\n3. Türkiye');
    expect(text).toContain('Exports by month\n\nMonth | Tonnes\nJanuary | 1.6 million\nFebruary | 3.2 million');
    expect(text).not.toMatch(/\n{3,}/);
    for (const paragraph of text.split('\n\n')) expect(paragraph).toBe(paragraph.trim());
  });
});

describe('HTML edge cases', () => {
  const html = (source: string, name = 'page.html') => extractDocument({ name, bytes: new TextEncoder().encode(source) });

  it('falls back to the whole body when Readability finds no article, still without scripts', async () => {
    const doc = await html(
      '<html><head><title>Tiny page</title></head><body><p>Just one line.</p><script>var x = "LEAK";</script><style>p{}</style></body></html>',
    );
    expect(doc.text).toBe('Just one line.');
    expect(doc.meta.title).toBe('Tiny page');
  });

  it('treats <br><br> as a paragraph break and collapses whitespace', async () => {
    const doc = await html('<body><div>First   part\n  of text<br><br>Second part</div></body>');
    expect(doc.text).toBe('First part of text\n\nSecond part');
  });

  it('uses the first sentence as title when the page has none', async () => {
    const doc = await html('<body><p>The port reopened on Monday after a week of repairs. Traffic resumed slowly.</p></body>');
    expect(doc.meta.title).toBe('The port reopened on Monday after a week of repairs.');
  });

  it('decodes a legacy charset the page declares', async () => {
    const bytes = Buffer.concat([
      Buffer.from('<html><head><meta charset="iso-8859-1"><title>Caf'),
      Buffer.from([0xe9]),
      Buffer.from('</title></head><body><p>Un caf'),
      Buffer.from([0xe9]),
      Buffer.from(' noir.</p></body></html>'),
    ]);
    const doc = await extractDocument({ name: 'latin1.htm', bytes });
    expect(doc.format).toBe('html');
    expect(doc.meta.title).toBe('Café');
    expect(doc.text).toBe('Un café noir.');
  });

  // The timeout only catches a hang; how long a page takes is measured by `npm run bench` (import.html_*).
  it('reads absurdly nested markup without overflowing the stack or leaking scripts', { timeout: 120_000 }, async () => {
    const depth = 20_000;
    const source = `<html><body>${'<div><b>'.repeat(depth)}<script>LEAK()</script>Deeply buried sentence.</body></html>`;
    const doc = await html(source, 'deep.html');
    expect(doc.text).toBe('Deeply buried sentence.');
  });

  it('refuses a page that has no text at all', async () => {
    await expect(html('<html><body><script>only()</script><img src="x.png"></body></html>', 'blank.html')).rejects.toMatchObject({
      code: 'no-text',
      message: 'blank.html contains no text',
    });
  });
});

describe('pathological nesting', () => {
  it('keeps the text of a page nested thousands of levels deep without running Readability on it', async () => {
    const html = `<html><head><title>Deep</title></head><body><article>${'<div>'.repeat(3000)}<p>The council said 12 bridges need repair.</p></article></body></html>`;
    const doc = await extractDocument({ name: 'deep.html', bytes: new TextEncoder().encode(html) });
    expect(doc.text).toContain('The council said 12 bridges need repair.');
    expect(doc.meta.title).toBe('Deep');
  }, 20_000);
});
