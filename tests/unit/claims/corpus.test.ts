// Scores the engine on hand-labelled articles with the same checks as ../shared/eval/score-claims.mjs:
// the project's own labelled fixtures always, and the shared sample corpus when ../shared is present.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Claim, ClaimSet } from '../../../shared/types/claims.ts';
import { extractClaims, normalizeText } from '../../../electron/services/claims/engine.ts';

interface GoldQuantity {
  low: number;
  /** Null for a vague amount, as the scorer writes it. */
  high: number | null;
  approximate?: boolean;
  bound?: string;
}
interface GoldSentence {
  text: string;
  label: 'claim' | 'no' | 'either';
  quantities?: GoldQuantity[];
  source?: string[];
  hedges?: string[];
  certainty?: string[];
  negated?: boolean;
}

const THRESHOLDS: Record<string, number> = {
  claim_precision: 0.95,
  claim_recall: 0.95,
  quantity_recall: 0.95,
  quantity_precision: 0.95,
  approx_accuracy: 0.9,
  source_recall: 0.85,
  hedge_recall: 0.9,
  certainty_accuracy: 0.85,
  negation_recall: 1,
};
const MAX_SPURIOUS = 0.1;

const norm = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** The scorer's counting, applied to (gold, ClaimSet) pairs. */
function score(docs: Array<{ gold: GoldSentence[]; set: ClaimSet }>): { metrics: Record<string, number | null>; misses: string[] } {
  const T: Record<string, number> = {};
  const add = (k: string) => (T[k] = (T[k] ?? 0) + 1);
  const misses: string[] = [];
  for (const { gold, set } of docs) {
    const text = set.text;
    let from = 0;
    const spans = gold.map((s) => {
      let at = text.indexOf(s.text, from);
      if (at < 0) at = text.indexOf(s.text);
      if (at < 0) throw new Error(`gold sentence not in text: ${s.text.slice(0, 60)}`);
      from = at + s.text.length;
      return { ...s, start: at, end: at + s.text.length };
    });
    const overlap = (c: Claim, s: { start: number; end: number }) => Math.max(0, Math.min(c.end, s.end) - Math.max(c.start, s.start));
    for (const c of set.claims) {
      let best: (typeof spans)[number] | null = null;
      let bo = 0;
      for (const s of spans) {
        const o = overlap(c, s);
        if (o > bo) {
          bo = o;
          best = s;
        }
      }
      if (!best) add('fp');
      else if (best.label === 'claim') add('tp');
      else if (best.label === 'no') {
        add('fp');
        misses.push(`claim on a "no" sentence: ${best.text}`);
      }
    }
    for (const s of spans) {
      if (s.label !== 'claim') continue;
      add('gold_claims');
      const len = s.end - s.start;
      const cov = set.claims.filter((c) => overlap(c, s) >= 0.5 * Math.min(len, c.end - c.start) && overlap(c, s) > 0);
      if (!cov.length) {
        misses.push(`claim not covered: ${s.text}`);
        continue;
      }
      add('covered');
      const qs = cov.flatMap((c) => c.quantities);
      if (s.quantities) {
        for (const gq of s.quantities) {
          add('gold_q');
          const hit = qs.find((q) => close(q.low, gq.low) && close(Number(q.high), Number(gq.high)));
          if (!hit) misses.push(`quantity ${gq.low}..${gq.high} missed: ${s.text}`);
          if (hit) {
            add('q_found');
            if (gq.approximate) {
              add('gold_q_approx');
              if (hit.approximate) add('q_approx_ok');
            }
            if (gq.bound) {
              add('gold_q_bound');
              if (hit.bound === gq.bound) add('q_bound_ok');
            }
          }
        }
        for (const q of qs) {
          // Vague amounts are left out of precision, as in the scorer.
          if (q.vague) continue;
          add('tool_q');
          if (s.quantities.some((gq) => close(q.low, gq.low) && close(Number(q.high), Number(gq.high)))) add('tool_q_ok');
          else misses.push(`extra quantity ${q.text}: ${s.text}`);
        }
      }
      const sources = cov.flatMap((c) => (c.attribution ? [c.attribution.source, ...c.attribution.via] : [])).filter(Boolean).map(norm);
      if (s.source) {
        add('gold_src');
        if (sources.some((t) => s.source!.some((alt) => t.includes(norm(alt))))) add('src_ok');
        else misses.push(`source missed (${sources.join(' | ') || 'none'}): ${s.text}`);
      }
      if (s.certainty && s.certainty.length === 1 && s.certainty[0] === 'asserted') {
        add('gold_unattributed');
        if (sources.length) {
          add('src_spurious');
          misses.push(`spurious source ${sources.join(' | ')}: ${s.text}`);
        }
      }
      if (s.hedges) {
        const hs = cov.flatMap((c) => c.hedges).map(norm);
        for (const h of s.hedges) {
          add('gold_hedge');
          if (hs.some((t) => t.includes(norm(h)) || (norm(h).includes(t) && t.length >= 3))) add('hedge_ok');
          else misses.push(`hedge "${h}" missed: ${s.text}`);
        }
      }
      if (s.certainty) {
        add('gold_cert');
        if (cov.some((c) => s.certainty!.includes(c.certainty))) add('cert_ok');
        else misses.push(`certainty ${cov.map((c) => c.certainty)} not in ${s.certainty}: ${s.text}`);
      }
      if (s.negated) {
        add('gold_neg');
        if (cov.some((c) => c.negated)) add('neg_ok');
        else misses.push(`negation missed: ${s.text}`);
      }
    }
  }
  const r = (a: string, b: string) => (T[b] ? (T[a] ?? 0) / T[b] : null);
  const tp = T.tp ?? 0;
  const fp = T.fp ?? 0;
  return {
    metrics: {
      claim_precision: tp + fp ? tp / (tp + fp) : null,
      claim_recall: r('covered', 'gold_claims'),
      quantity_recall: r('q_found', 'gold_q'),
      quantity_precision: r('tool_q_ok', 'tool_q'),
      approx_accuracy: r('q_approx_ok', 'gold_q_approx'),
      bound_accuracy: r('q_bound_ok', 'gold_q_bound'),
      source_recall: r('src_ok', 'gold_src'),
      spurious_source_rate: r('src_spurious', 'gold_unattributed'),
      hedge_recall: r('hedge_ok', 'gold_hedge'),
      certainty_accuracy: r('cert_ok', 'gold_cert'),
      negation_recall: r('neg_ok', 'gold_neg'),
    },
    misses,
  };
}

function loadCorpus(dir: string): Array<{ gold: GoldSentence[]; set: ClaimSet }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { sentences: GoldSentence[] };
      const text = normalizeText(readFileSync(join(dir, f.replace(/\.gold\.json$/, '.txt')), 'utf8'));
      return { gold: gold.sentences.map((s) => ({ ...s, text: s.text.normalize('NFC') })), set: extractClaims(text) };
    });
}

function expectThresholds(metrics: Record<string, number | null>, misses: string[]): void {
  const report = `${JSON.stringify(metrics)}\n${misses.join('\n')}`;
  for (const [k, min] of Object.entries(THRESHOLDS)) {
    const v = metrics[k];
    if (v === null) continue;
    expect(v, `${k}\n${report}`).toBeGreaterThanOrEqual(min);
  }
  if (metrics.spurious_source_rate !== null) expect(metrics.spurious_source_rate, report).toBeLessThanOrEqual(MAX_SPURIOUS);
}

describe('labelled fixture articles (tests/unit/claims/fixtures/gold)', () => {
  it('meets the quality thresholds', () => {
    const docs = loadCorpus(join(process.cwd(), 'tests/unit/claims/fixtures/gold'));
    expect(docs.length).toBeGreaterThan(0);
    const { metrics, misses } = score(docs);
    expectThresholds(metrics, misses);
  });
});

const SHARED = resolve(process.cwd(), '..', 'shared', 'corpus');
const hasShared = existsSync(SHARED);
if (!hasShared) console.warn(`claims corpus test skipped: ${SHARED} is absent (the shared sample corpus lives beside the project)`);

describe.skipIf(!hasShared)('shared sample corpus (../shared/corpus)', () => {
  it('meets the quality thresholds', () => {
    const { metrics, misses } = score(loadCorpus(SHARED));
    expectThresholds(metrics, misses);
  });
});
