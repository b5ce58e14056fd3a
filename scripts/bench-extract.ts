// Claim-engine speed: engine words/s against wink-nlp's bare tokenizer on the same >= 5 MB text (one core),
// the median time for an ~800-word article next to the tokenizer's, and a 20 MB document next to twenty
// times 1 MB of the same text (linear growth). `npx tsx scripts/bench-extract.ts` prints {"metrics":[...]}.
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { extractClaims } from '../electron/services/claims/engine.ts';

export interface BenchMetric {
  name: string;
  value: number;
  unit: string;
  peer?: string;
  peer_value?: number;
}

const FIXTURES = [
  fileURLToPath(new URL('../tests/unit/claims/fixtures/articles/', import.meta.url)),
  fileURLToPath(new URL('../tests/unit/claims/fixtures/gold/', import.meta.url)),
];
const TARGET_BYTES = 5.2 * 1024 * 1024;

function fixtureTexts(): string[] {
  const out: string[] = [];
  for (const dir of FIXTURES) {
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.txt')) out.push(readFileSync(`${dir}${f}`, 'utf8').replace(/\r\n?/g, '\n'));
  }
  if (!out.length) throw new Error('no claim fixtures found for the benchmark');
  return out;
}

/** Repeat the fixtures with varied numbers so no two copies are identical. */
function buildCorpus(texts: string[], bytes = TARGET_BYTES): string {
  const parts: string[] = [];
  let size = 0;
  for (let round = 0; size < bytes; round++) {
    for (const t of texts) {
      const varied = t.replace(/\d+/g, (d) => String((Number(d) + round) % (10 ** d.length) || 1));
      parts.push(varied);
      size += Buffer.byteLength(varied) + 1;
    }
  }
  return parts.join('\n');
}

function article800(texts: string[]): string {
  const paras = texts.join('\n').split('\n');
  const out: string[] = [];
  let words = 0;
  for (const p of paras) {
    if (words >= 800) break;
    out.push(p);
    words += p.split(/\s+/).filter(Boolean).length;
  }
  return out.join('\n');
}

const countWords = (s: string): number => {
  let n = 0;
  const re = /\S+/g;
  while (re.exec(s)) n++;
  return n;
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function timeOnce(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function timeIt(runs: number, fn: () => void): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) ts.push(timeOnce(fn));
  return median(ts);
}

export async function benchExtract(): Promise<BenchMetric[]> {
  const texts = fixtureTexts();
  const corpus = buildCorpus(texts);
  const words = countWords(corpus);
  const article = article800(texts);

  // Warm both paths (model load, JIT) before timing.
  for (let i = 0; i < 20; i++) extractClaims(article);
  const tokenizer = winkNLP(model, []);
  tokenizer.readDoc(article).tokens().out();

  // Alternate the two measurements so a change in machine load affects both alike; take medians.
  const tok: number[] = [];
  const eng: number[] = [];
  for (let i = 0; i < 5; i++) {
    tok.push(timeOnce(() => tokenizer.readDoc(corpus).tokens().out()));
    eng.push(timeOnce(() => extractClaims(corpus)));
  }
  const tokMs = median(tok);
  const engineMs = median(eng);
  const articleMs = timeIt(41, () => {
    extractClaims(article);
  });
  const articleTokMs = timeIt(41, () => {
    tokenizer.readDoc(article).tokens().out();
  });

  // Twenty times the text should take about twenty times as long; alternated, medians of three.
  const oneMb = buildCorpus(texts, 1_000_000);
  const twentyMb = buildCorpus(texts, 20_000_000);
  const small: number[] = [];
  const big: number[] = [];
  for (let i = 0; i < 3; i++) {
    small.push(timeOnce(() => extractClaims(oneMb)));
    big.push(timeOnce(() => extractClaims(twentyMb)));
  }
  const scale = twentyMb.length / oneMb.length;
  const round = (v: number, d = 0) => Number(v.toFixed(d));
  return [
    { name: 'extract.words_per_s', value: round(words / (engineMs / 1000)), unit: 'words/s' },
    { name: 'extract.tokenizer_words_per_s', value: round(words / (tokMs / 1000)), unit: 'words/s' },
    { name: 'extract.article_800w_ms', value: round(articleMs, 2), unit: 'ms', peer: 'wink-nlp tokenizer on the same article', peer_value: round(articleTokMs, 2) },
    { name: 'extract.20mb_s', value: round(median(big) / 1000, 1), unit: 's', peer: `extract of 1 MB of the same text × ${round(scale, 1)}`, peer_value: round((median(small) * scale) / 1000, 1) },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const metrics = await benchExtract();
  process.stdout.write(JSON.stringify({ metrics }) + '\n');
}
