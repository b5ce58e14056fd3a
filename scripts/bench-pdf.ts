// PDF import speed: layout analysis on a generated 100-page, two-column report with notes and running
// headers, against pdf.js's own text extraction of the same pages (the floor any import pays).
// `npx tsx scripts/bench-pdf.ts` prints {"metrics":[...]}.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { extractPdf } from '../electron/services/ingest/pdf.ts';
import { renderSampleReport } from './sample-pdf.ts';
import { longSampleReport } from './sample-report.ts';

export interface PdfMetric {
  name: string;
  value: number;
  unit: string;
  peer?: string;
  peer_value?: number;
}

const assets = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** pdf.js alone: open the document and read every page's text items, nothing else. */
async function pdfjsText(bytes: Uint8Array): Promise<number> {
  const globals = globalThis as { pdfjsWorker?: unknown };
  globals.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: join(assets, 'standard_fonts') + '/',
    cMapUrl: join(assets, 'cmaps') + '/',
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const doc = await task.promise;
  let items = 0;
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  await task.destroy();
  return items;
}

/** Median of five timed runs after one warm-up run. */
async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await run();
    samples.push((performance.now() - started) / 1000);
  }
  return samples.sort((a, b) => a - b)[2];
}

export async function benchPdf(): Promise<PdfMetric[]> {
  const { pdf, lines } = await renderSampleReport(longSampleReport(100));
  const pages = Math.max(...lines.map((line) => line.page));
  const layout = await median(() => extractPdf('report.pdf', pdf, 64 * 1024 * 1024));
  const bare = await median(() => pdfjsText(pdf));
  return [
    {
      name: 'import.pdf_pages_per_s',
      value: Number((pages / layout).toFixed(1)),
      unit: 'pages/s',
      peer: 'pdfjs.text_pages_per_s',
      peer_value: Number((pages / bare).toFixed(1)),
    },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify({ metrics: await benchPdf() }));
}
