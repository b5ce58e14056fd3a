// Compare on whole stories: the shared development stories and the project's own real multi-outlet
// stories (tests/unit/compare/fixtures/stories, written after real reporting), scored with the shared
// pairwise scorer; and a mixed library of every story and unrelated articles, where no group may hold
// figures of two stories.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractClaims, normalizeText } from '../../../electron/services/claims/engine.ts';
import { compareClaims, type CompareInput } from '../../../electron/services/compare/compare-service.ts';
import { clusterStories } from '../../../shared/compare/stories.ts';

const own = join(process.cwd(), 'tests', 'unit', 'compare', 'fixtures', 'stories');
const shared = resolve(process.cwd(), '..', 'shared');
const scorer = join(shared, 'eval', 'score-compare.mjs');

function storyFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));
}

function inputs(files: string[]): CompareInput[] {
  return files.map((file) => ({ doc: file, docId: null, title: basename(file), published: null, claims: extractClaims(normalizeText(readFileSync(file, 'utf8'))) }));
}

interface Score {
  precision: number;
  recall: number;
  verdicts: { judged: number; strict: number } | string;
}

function score(dir: string): Score {
  const out = join(mkdtempSync(join(tmpdir(), 'dossier-compare-')), 'out.json');
  writeFileSync(out, JSON.stringify(compareClaims(inputs(storyFiles(dir)))));
  return JSON.parse(execFileSync(process.execPath, [scorer, join(dir, 'compare.groups.json'), out, '--json'], { encoding: 'utf8' })) as Score;
}

// Floors at the figures measured today, so a change that makes Compare worse on real stories fails;
// the targets (precision 0.85, recall 0.75) are reported by the bench, not asserted here.
const FLOORS: Record<string, { precision: number; recall: number }> = {
  'hurricane-maria': { precision: 0.95, recall: 0.7 },
  'equifax-breach': { precision: 0.9, recall: 0.85 },
  'ebola-2014': { precision: 0.94, recall: 0.88 },
  'netflix-q1-2022': { precision: 0.53, recall: 0.72 },
  'nz-election': { precision: 0.6, recall: 0.34 },
  'nepal-quake': { precision: 0.82, recall: 0.9 },
  'twitter-layoffs': { precision: 0.88, recall: 0.5 },
  'hk-protest': { precision: 0.92, recall: 0.67 },
  'haiti-quake': { precision: 0.85, recall: 0.86 },
  'derna-floods': { precision: 0.82, recall: 0.65 },
  'suez-blockage': { precision: 0.67, recall: 0.52 },
  'maui-wildfire': { precision: 0.83, recall: 0.66 },
  'france-pension-strikes': { precision: 0.5, recall: 0.42 },
  'odisha-train-crash': { precision: 0.68, recall: 0.75 },
  'crowdstrike-outage': { precision: 0.29, recall: 0.33 },
  'uk-election-2024': { precision: 0.6, recall: 0.12 },
  'us-jobs-2024': { precision: 0.33, recall: 0.3 },
  'hurricane-ian': { precision: 0.46, recall: 0.4 },
  'surfside-collapse': { precision: 0.55, recall: 0.46 },
  'kakhovka-dam': { precision: 0.2, recall: 0.43 },
  'optus-breach': { precision: 0.3, recall: 0.38 },
  'morocco-quake': { precision: 0.97, recall: 0.76 },
  'nvidia-q1-fy24': { precision: 0.6, recall: 0.23 },
  'uk-inflation': { precision: 0.63, recall: 0.41 },
  'turkey-runoff-2023': { precision: 0.36, recall: 0.36 },
  'monkeypox': { precision: 0.4, recall: 0.48 },
  'pylos-shipwreck': { precision: 0.69, recall: 0.42 },
  'svb-collapse': { precision: 0.66, recall: 0.34 },
  'canada-wildfires-2023': { precision: 0.85, recall: 0.41 },
  'hajj-heat-2024': { precision: 0.42, recall: 0.41 },
  'alaska-door-plug-2024': { precision: 0.34, recall: 0.15 },
  'pakistan-floods-2022': { precision: 0.72, recall: 0.87 },
  'itaewon-crush-2022': { precision: 0.34, recall: 0.56 },
  'iran-protests-2022': { precision: 0.5, recall: 0.48 },
  'credit-suisse-ubs-2023': { precision: 0.29, recall: 0.34 },
  'brazil-election-2022': { precision: 0.18, recall: 0.23 },
  'india-election-2024': { precision: 0.33, recall: 0.23 },
  'malawi-cholera-2023': { precision: 0.47, recall: 0.72 },
  'tesla-q4-2023': { precision: 0.52, recall: 0.28 },
  'argentina-inflation-2023': { precision: 0.16, recall: 0.07 },
  'israel-protests-2023': { precision: 0.18, recall: 0.31 },
  'noto-quake-2024': { precision: 0.37, recall: 0.37 },
  'hurricane-helene-2024': { precision: 0.31, recall: 0.36 },
  'meta-2022': { precision: 0.31, recall: 0.28 },
  'wuhan-outbreak-2020': { precision: 0.11, recall: 0.45 },
};

describe.skipIf(!existsSync(scorer))('stories scored by the shared pairwise scorer', () => {
  const dirs = [
    ...readdirSync(own).filter((d) => existsSync(join(own, d, 'compare.groups.json'))).map((d) => join(own, d)),
    ...['hurricane-maria', 'equifax-breach'].map((d) => join(shared, 'corpus', 'stories', d)).filter(existsSync),
  ];
  for (const dir of dirs) {
    it(`${basename(dir)} stays at or above its measured floor`, () => {
      const result = score(dir);
      const floor = FLOORS[basename(dir)] ?? { precision: 0, recall: 0 };
      expect(result.precision).toBeGreaterThanOrEqual(floor.precision);
      expect(result.recall).toBeGreaterThanOrEqual(floor.recall);
    });
  }
});
if (!existsSync(scorer)) console.warn(`skipping story scores: ${scorer} is absent`);

describe('which story', () => {
  it('keeps two earthquakes in different countries apart, however alike their wording', () => {
    const haiti = storyFiles(join(own, 'haiti-quake'));
    const nepal = storyFiles(join(own, 'nepal-quake'));
    const files = [...haiti, ...nepal];
    const ids = clusterStories(files.map((f) => readFileSync(f, 'utf8')));
    expect(new Set(ids.slice(0, haiti.length)).size).toBe(1);
    expect(new Set(ids.slice(haiti.length)).size).toBe(1);
    expect(ids[0]).not.toBe(ids[haiti.length]);
  });

  it('keeps two storms apart when each report is about its own storm, however alike their insurers and places', () => {
    const helene = storyFiles(join(own, 'hurricane-helene-2024'));
    const ian = storyFiles(join(own, 'hurricane-ian'));
    const ids = clusterStories([...helene, ...ian].map((f) => readFileSync(f, 'utf8')));
    const [idsHelene, idsIan] = [new Set(ids.slice(0, helene.length)), new Set(ids.slice(helene.length))];
    expect([...idsHelene].some((id) => idsIan.has(id))).toBe(false);
  });

  it('keeps two stories of one kind apart by the word each is about (two outbreaks, two companies\' results)', () => {
    for (const [first, second] of [['ebola-2014', 'monkeypox'], ['netflix-q1-2022', 'nvidia-q1-fy24']]) {
      const a = storyFiles(join(own, first));
      const b = storyFiles(join(own, second));
      const ids = clusterStories([...a, ...b].map((f) => readFileSync(f, 'utf8')));
      const [idsA, idsB] = [new Set(ids.slice(0, a.length)), new Set(ids.slice(a.length))];
      expect([...idsA].some((id) => idsB.has(id))).toBe(false);
    }
  });
});

describe('a mixed library', () => {
  it('links no figures across stories', () => {
    const dirs = readdirSync(own).map((d) => join(own, d));
    if (existsSync(join(shared, 'corpus', 'stories'))) dirs.push(...['hurricane-maria', 'equifax-breach'].map((d) => join(shared, 'corpus', 'stories', d)));
    const files = dirs.flatMap(storyFiles);
    // Unrelated articles each form a story of their own.
    const storyOf = (file: string) => (file.includes(`${join(own, 'unrelated')}`) ? file : file.split('/').slice(-2, -1)[0]);
    const { groups } = compareClaims(inputs(files));
    let linked = 0;
    let crossing = 0;
    for (const group of groups) {
      const stories = group.members.map((m) => storyOf(m.doc));
      for (let i = 0; i < stories.length; i++) {
        for (let j = i + 1; j < stories.length; j++) {
          linked++;
          if (stories[i] !== stories[j]) crossing++;
        }
      }
    }
    expect(linked).toBeGreaterThan(100);
    expect(crossing / linked).toBeLessThanOrEqual(0.02);
  });
});
