// Plain text and Markdown import: the exact-text rule for .txt, decoding, Markdown structure and
// front matter, and the helpers behind fallback titles and ISO dates.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument, formatFromName, readAndExtract, SUPPORTED_EXTENSIONS } from '../../../electron/services/ingest/index.ts';
import { parseFrontMatter, splitFrontMatter } from '../../../electron/services/ingest/markdown.ts';
import { guessTitle, toIsoDate } from '../../../electron/services/ingest/text.ts';
import { FIXTURES, sharedFolder } from './helpers.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const txt = (text: string | Uint8Array, name = 'note.txt') =>
  extractDocument({ name, bytes: typeof text === 'string' ? utf8(text) : text });

describe('formats by extension', () => {
  it('maps extensions case-insensitively, including .htm and .markdown', () => {
    expect(formatFromName('a.TXT')).toBe('txt');
    expect(formatFromName('notes.Markdown')).toBe('md');
    expect(formatFromName('page.htm')).toBe('html');
    expect(formatFromName('/some/dir.v2/Report.PDF')).toBe('pdf');
    expect(formatFromName('C:\\Users\\me\\memo.docx')).toBe('docx');
    expect(formatFromName('archive.zip')).toBeNull();
    expect(formatFromName('README')).toBeNull();
    expect(formatFromName('.txt')).toBeNull();
    expect(SUPPORTED_EXTENSIONS).toEqual(['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx']);
  });
});

describe('.txt', () => {
  it('keeps the content exactly, apart from CRLF/CR → LF and NFC', async () => {
    const source = '  Indented first line  \r\nCafe\u0301 au lait\rthird\u00a0line\t\twith tabs\r\n\r\n\r\n  trailing spaces   \n';
    const doc = await txt(source);
    expect(doc.text).toBe('  Indented first line  \nCafé au lait\nthird\u00a0line\t\twith tabs\n\n\n  trailing spaces   \n');
    expect(doc.format).toBe('txt');
    expect(doc.pages).toBeNull();
  });

  it('strips a UTF-8 BOM and nothing else', async () => {
    const doc = await txt(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('\uFEFFHello')]));
    expect(doc.text).toBe('\uFEFFHello'); // only the byte-order mark itself is removed
  });

  it('decodes UTF-16 with a BOM (both byte orders)', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Grüße\r\naus Köln', 'utf16le')]);
    expect((await txt(le)).text).toBe('Grüße\naus Köln');
    const beBody = Buffer.from('Ελληνικά κείμενο', 'utf16le').swap16();
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), beBody]);
    expect((await txt(be)).text).toBe('Ελληνικά κείμενο');
  });

  it('decodes BOM-less UTF-16LE text rather than calling it binary', async () => {
    const doc = await txt(Buffer.from('Plain words saved by an old Windows tool.', 'utf16le'));
    expect(doc.text).toBe('Plain words saved by an old Windows tool.');
  });

  it('falls back to Windows-1252 for text that is not UTF-8', async () => {
    const doc = await txt(Buffer.from([0x53, 0x6f, 0x20, 0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x64, 0x94, 0x20, 0xe9, 0x74, 0xe9]));
    expect(doc.text).toBe('So “quoted” été');
  });

  it('refuses whitespace-only text as no-text', async () => {
    await expect(txt(' \n\t\r\n', 'blank.txt')).rejects.toMatchObject({ code: 'no-text', message: 'blank.txt contains no text' });
  });

  it('uses the first sentence as title for an article without a heading', async () => {
    const article =
      'North Korea is reportedly preparing to triple the number of its troops fighting for Russia along the front lines with Ukraine, sending an additional 25,000 to 30,000 soldiers to assist Russian forces. This is based on an intelligence assessment.\nSecond paragraph.\n';
    const doc = await txt(article);
    expect(doc.meta.title).toBe('North Korea is reportedly preparing to triple the number of its troops fighting for Russia along the…');
    expect(doc.meta.title!.length).toBeLessThanOrEqual(101);
    expect(doc.meta).toMatchObject({ author: null, outlet: null, published: null, url: null, lang: null, excerpt: null });
  });

  it('uses a short first line as title when it reads like a heading', async () => {
    const doc = await txt('Troops head north\n\nThe first units crossed on Monday. More followed.');
    expect(doc.meta.title).toBe('Troops head north');
  });

  it('does not take the first line of a hard-wrapped paragraph as a heading', async () => {
    const doc = await txt('Officials in the capital said the first\nunits crossed the border on Monday. More followed later.');
    expect(doc.meta.title).toBe('Officials in the capital said the first units crossed the border on Monday.');
  });

  const corpus = sharedFolder('corpus');
  it.skipIf(!corpus)('titles the shared corpus articles from their first sentence (skipped without ../shared/corpus)', async () => {
    for (const file of readdirSync(corpus!).filter((name) => name.endsWith('.txt'))) {
      const path = join(corpus!, file);
      const doc = await readAndExtract(path);
      expect(doc.text).toBe(readFileSync(path, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC'));
      const firstSentenceStart = doc.text.trim().slice(0, 40);
      expect(doc.meta.title?.slice(0, 40)).toBe(firstSentenceStart);
    }
  });
});

describe('.md', () => {
  it('reads front matter for metadata and renders the body as plain text', async () => {
    const doc = await readAndExtract(join(FIXTURES, 'notes.md'));
    expect(doc.format).toBe('md');
    expect(doc.meta).toEqual({
      title: 'Field notes: the Kursk incursion',
      author: 'Jan Novak, Maria Silva',
      outlet: null,
      published: '2024-11-20',
      url: 'https://notes.example.org/kursk',
      lang: 'en',
      excerpt: 'Running notes on troop movements near the border.',
    });
    expect(doc.text).toBe(
      [
        'Field notes',
        'Officials in Kyiv said on Tuesday that about 11,000 troops had been deployed. This line is part of the same paragraph.',
        'Sources',
        '- Ukrainian military intelligence\n- Satellite imagery\n  1. commercial\n  2. government',
        'Date | Event\nNov 5 | First contact\nNov 12 | Reinforcements',
        'code block  keeps   spacing\n  and indentation',
        'Last paragraph.',
      ].join('\n\n'),
    );
    expect(doc.text).not.toMatch(/LEAK|---|title:/);
  });

  it('takes the first # heading as title when there is no front matter', async () => {
    const doc = await readAndExtract(join(FIXTURES, 'heading-only.md'));
    expect(doc.meta.title).toBe('The Real Heading');
    expect(doc.text).toBe('Some preface text without a period\n\nThe Real Heading\n\nBody text follows here. It has two sentences.');
  });

  it('accepts CRLF files and front matter with quoted and inline-list values', async () => {
    const source = "---\r\ntitle: 'It''s here'\r\nauthor: [A. Writer, B. Editor]\r\npublished: \"2023-06-01 14:30:00\"\r\n---\r\nBody text.\r\n";
    const doc = await extractDocument({ name: 'crlf.markdown', bytes: utf8(source) });
    expect(doc.meta.title).toBe("It's here");
    expect(doc.meta.author).toBe('A. Writer, B. Editor');
    expect(doc.meta.published).toBe('2023-06-01T14:30:00');
    expect(doc.text).toBe('Body text.');
  });

  it('leaves a document without front matter untouched by the splitter', () => {
    expect(splitFrontMatter('# Title\n\n---\n\ntext').yaml).toBeNull();
    expect(parseFrontMatter('title: x # comment\nnested:\n  key: value\n')).toEqual({ title: 'x' });
  });
});

describe('guessTitle', () => {
  it('skips note markers and list markers', () => {
    expect(guessTitle('Ouch[1].[2]\n\n[1] A note.')).toBe('Ouch.');
    expect(guessTitle('- Apple\n- Banana')).toBe('Apple');
  });

  it('does not end a sentence at abbreviations or initials', () => {
    expect(guessTitle('Mr. Smith met Gen. J. Doe in the U.S. capital on Friday. Talks went well.')).toBe(
      'Mr. Smith met Gen. J. Doe in the U.S. capital on Friday.',
    );
  });

  it('returns null for text without words', () => {
    expect(guessTitle('   \n  ')).toBeNull();
  });
});

describe('toIsoDate', () => {
  it('keeps ISO dates and zones as found', () => {
    expect(toIsoDate('2024-03-05')).toBe('2024-03-05');
    expect(toIsoDate('2024-03')).toBe('2024-03');
    expect(toIsoDate('2024-03-05T09:30:00+02:00')).toBe('2024-03-05T09:30:00+02:00');
    expect(toIsoDate('2019-04-28 06:01:07')).toBe('2019-04-28T06:01:07');
    expect(toIsoDate('2019-04-28 06:01 +0530')).toBe('2019-04-28T06:01+05:30');
  });

  it('converts PDF dates, keeping their offset', () => {
    expect(toIsoDate("D:20240105143000+01'00'")).toBe('2024-01-05T14:30:00+01:00');
    expect(toIsoDate("D:20261121204324Z'")).toBe('2026-11-21T20:43:24Z');
    expect(toIsoDate('D:20240105')).toBe('2024-01-05');
    expect(toIsoDate('D:2024')).toBe('2024');
  });

  it('parses other readable dates and rejects nonsense', () => {
    expect(toIsoDate('March 5, 2024')).toBe('2024-03-05');
    expect(toIsoDate('Tue, 05 Mar 2024 10:00:00 GMT')).toBe('2024-03-05T10:00:00.000Z');
    expect(toIsoDate('sometime last week')).toBeNull();
    expect(toIsoDate('')).toBeNull();
    expect(toIsoDate(null)).toBeNull();
  });
});

it('has its fixtures in place', () => {
  for (const name of ['article.html', 'notes.md', 'heading-only.md', 'multipage.html']) expect(existsSync(join(FIXTURES, name))).toBe(true);
});
