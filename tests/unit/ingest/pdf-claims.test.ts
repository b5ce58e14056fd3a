// Claims from a PDF are the claims of the same document as clean text: three reports written here,
// made into Word files with the docx library and printed to PDF by LibreOffice (A5 pages, two columns,
// footnotes, running header, page numbers, lists and a table), and the shared sample articles printed
// to PDF the same way (skipped without ../shared). Recall: the clean text's claims that come out whole
// from the PDF; precision: the PDF's claims that are claims of the clean text.
import { readdirSync, readFileSync } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../shared/types/ingest.ts';
import { extractDocument } from '../../../electron/services/ingest/index.ts';
import { extractClaims } from '../../../electron/services/claims/engine.ts';
import { claimableText } from '../../../electron/services/claims/structured.ts';
import { hasCommand, libreOfficeConvert, makeTempDir, sharedFolder } from './helpers.ts';
import { renderWordReport, reportAsText } from './word-report.ts';
import { CENSUS_RELEASE, SUEZ_BRIEF, WEBB_BRIEFING } from './word-reports.ts';

const HAS_LIBREOFFICE = hasCommand('libreoffice');
if (!HAS_LIBREOFFICE) console.warn('Skipping PDF claim checks: `libreoffice` is not on PATH (apt package libreoffice-writer-nogui).');
const CORPUS = sharedFolder('corpus');
if (!CORPUS) console.warn('Skipping the sample articles printed to PDF: ../shared/corpus is absent.');

const REPORTS = { suez: SUEZ_BRIEF, webb: WEBB_BRIEFING, census: CENSUS_RELEASE };

/** A claim's words, whatever the line breaks and note marks between them. */
const key = (text: string) => text.replace(/\u00ad/g, '').replace(/\[\d{1,3}\]/g, '').replace(/\s+/g, ' ').trim();

function claimsOf(doc: ExtractedDocument): string[] {
  const text = claimableText(doc.text, doc.blocks);
  return extractClaims(text).claims.map((claim) => key(doc.text.slice(claim.start, claim.end)));
}

interface Agreement {
  clean: number;
  printed: number;
  recall: number;
  precision: number;
  missing: string[];
  extra: string[];
}

function agreement(clean: string[], printed: string[]): Agreement {
  const cleanSet = new Set(clean);
  const printedSet = new Set(printed);
  const missing = clean.filter((claim) => !printedSet.has(claim));
  const extra = printed.filter((claim) => !cleanSet.has(claim));
  return {
    clean: clean.length,
    printed: printed.length,
    recall: (clean.length - missing.length) / clean.length,
    precision: (printed.length - extra.length) / Math.max(1, printed.length),
    missing,
    extra,
  };
}

const read = async (path: string) => extractDocument({ name: path, bytes: new Uint8Array(readFileSync(path)) });

describe.skipIf(!HAS_LIBREOFFICE)('claims from PDFs printed by LibreOffice, against the same text', () => {
  let dir = '';
  let cleanup = async () => {};
  const articles = CORPUS ? readdirSync(CORPUS).filter((name) => /^\d+_\w+\.txt$/.test(name)) : [];

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('pdf-claims'));
    for (const [name, report] of Object.entries(REPORTS)) {
      await writeFile(join(dir, `${name}.docx`), await renderWordReport(report));
      await writeFile(join(dir, `${name}.txt`), reportAsText(report));
    }
    for (const article of articles) await copyFile(join(CORPUS!, article), join(dir, `article-${article}`));
    const printed = [...Object.keys(REPORTS).map((name) => `${name}.docx`), ...articles.map((article) => `article-${article}`)];
    await libreOfficeConvert(printed.map((file) => join(dir, file)), 'pdf', dir);
  }, 240_000);

  afterAll(() => cleanup());

  it.each(Object.keys(REPORTS))('%s: columns, notes and page breaks are read, and the claims are those of the clean text', async (name) => {
    const pdf = await read(join(dir, `${name}.pdf`));
    const clean = claimsOf(await read(join(dir, `${name}.txt`)));
    // The PDF really has the phenomena: more than one page, and notes at the foot.
    expect(pdf.pages!.length).toBeGreaterThanOrEqual(2);
    expect(pdf.blocks!.filter((block) => block.kind === 'footnote').length).toBe(Object.keys(REPORTS[name as keyof typeof REPORTS].notes).length);
    const fromPdf = agreement(clean, claimsOf(pdf));
    const fromWord = agreement(clean, claimsOf(await read(join(dir, `${name}.docx`))));
    console.info(
      `${name}: clean ${fromPdf.clean} claims; PDF ${fromPdf.printed}, recall ${fromPdf.recall.toFixed(3)}, precision ${fromPdf.precision.toFixed(3)}; ` +
        `Word ${fromWord.printed}, recall ${fromWord.recall.toFixed(3)}, precision ${fromWord.precision.toFixed(3)}`,
    );
    expect(fromPdf.missing, 'clean claims not whole in the PDF').toEqual([]);
    expect(fromPdf.extra, 'PDF claims the clean text does not make').toEqual([]);
    expect(fromWord.recall).toBeGreaterThanOrEqual(0.95);
    expect(fromWord.precision).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it.skipIf(!articles.length)('the sample articles: at least 95% of the .txt claims whole from the PDF, and no more claims', async () => {
    for (const article of articles) {
      const stem = `article-${article.replace(/\.txt$/, '')}`;
      const clean = claimsOf(await read(join(dir, `article-${article}`)));
      const result = agreement(clean, claimsOf(await read(join(dir, `${stem}.pdf`))));
      console.info(`${article}: .txt ${result.clean} claims, PDF ${result.printed}, whole ${result.clean - result.missing.length} (${(100 * result.recall).toFixed(1)}%)`);
      expect(result.recall, article).toBeGreaterThanOrEqual(0.95);
      expect(result.printed, article).toBeLessThanOrEqual(result.clean);
    }
  }, 60_000);
});
