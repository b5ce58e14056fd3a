// HTML import speed: one generated news page of about 185 KB (navigation, scripts, styles, JSON-LD and
// related links around a 700-word article) read as an import reads it, against linkedom's bare parse of
// the same page (the DOM every HTML import starts from). `npx tsx scripts/bench-html.ts` prints {"metrics":[...]}.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { extractDocument } from '../electron/services/ingest/index.ts';
import { article, rng, sentence } from './bench/corpus.ts';

export interface HtmlMetric {
  name: string;
  value: number;
  unit: string;
  peer?: string;
  peer_value?: number;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A news page as sites serve them: the article is a small part of the markup. */
export function newsPage(seed: number): string {
  const random = rng(seed);
  const [headline, ...paragraphs] = article(seed).split('\n\n');
  const links = (count: number, prefix: string) =>
    Array.from({ length: count }, (_, i) => `<li class="nav-item"><a class="nav-link" href="/${prefix}/${i}" data-track="${prefix}-${i}">${escape(sentence(random).slice(0, 60))}</a></li>`).join('');
  const script = `<script>window.__STATE__=${JSON.stringify({ ads: Array.from({ length: 200 }, (_, i) => ({ slot: `ad-${i}`, sizes: [[300, 250], [728, 90]], targeting: { section: 'world', pos: i } })) })};</script>`;
  const style = `<style>${Array.from({ length: 400 }, (_, i) => `.c${i}{margin:${i % 16}px;color:#${(i * 4099).toString(16).padStart(6, '0').slice(-6)}}`).join('')}</style>`;
  const jsonLd = `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline, datePublished: '2024-03-01T09:30:00Z', author: { '@type': 'Person', name: 'Mara Lind' } })}</script>`;
  const body = paragraphs.map((p) => `<p class="story-body__paragraph">${escape(p)}</p>`).join('\n');
  const related = Array.from({ length: 120 }, (_, i) => `<div class="promo"><a href="/news/${seed + i}"><h3>${escape(sentence(random))}</h3></a><p>${escape(sentence(random))}</p></div>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(headline)} - Valley Herald</title>
<meta property="og:site_name" content="Valley Herald"><meta property="article:published_time" content="2024-03-01T09:30:00Z">
<link rel="canonical" href="https://news.example.org/${seed}">${jsonLd}${style}${script}</head>
<body><header><nav><ul>${links(300, 'section')}</ul></nav></header>
<main><article><h1>${escape(headline)}</h1><p class="byline">By Mara Lind</p>${body}</article>
<aside><h2>More stories</h2>${related}</aside></main>
<footer><ul>${links(400, 'footer')}</ul>${script}</footer></body></html>`;
}

/** Median milliseconds of seven timed runs after two warm-up runs. */
async function median(run: () => unknown): Promise<number> {
  for (let i = 0; i < 2; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[3];
}

export async function benchHtml(): Promise<HtmlMetric[]> {
  const page = newsPage(42);
  const bytes = new TextEncoder().encode(page);
  const doc = await extractDocument({ name: 'page.html', bytes });
  if (!doc.meta.title?.includes('developments in') || doc.text.includes('More stories')) throw new Error('the generated page did not import as its article');
  const imported = await median(() => extractDocument({ name: 'page.html', bytes }));
  const parsed = await median(() => parseHTML(page).document.body?.textContent);
  return [
    {
      name: 'import.html_page_ms',
      value: Number(imported.toFixed(1)),
      unit: 'ms',
      peer: `linkedom parse of the same ${Math.round(bytes.length / 1024)} KB page`,
      peer_value: Number(parsed.toFixed(1)),
    },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify({ metrics: await benchHtml() }));
}
