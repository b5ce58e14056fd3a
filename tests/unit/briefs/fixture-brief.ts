// A small resolved brief for the exporter tests: three documents (one a paginated PDF), claims of
// each certainty with curly quotes and dashes in their passages, a cited note and a conflicting group.
import type { CitedSource, ResolvedBrief, ResolvedCitation, ResolvedGroup } from '../../../shared/types/brief.ts';

export const SOURCES = {
  report: {
    docId: '3f9a0c2e71b4',
    title: 'Satellite Imagery Assessment: Northern Depots',
    author: 'Dana Whitfield',
    outlet: 'Open Source Intelligence Review',
    published: '2024-02-28',
    url: 'https://osir.example.org/reports/northern-depots.pdf',
    format: 'pdf',
  },
  article: {
    docId: '8be41d09ac55',
    title: 'Troops mass near the border as talks stall',
    author: 'Priya Raman',
    outlet: 'CNN',
    published: '2024-03-01T09:30:00Z',
    url: 'https://edition.cnn.example.com/2024/03/01/troops-border',
    format: 'html',
  },
  statement: {
    docId: 'c07d5512e9f3',
    title: 'Ministry statement on the eastern district',
    author: null,
    outlet: 'Ministry of Defence',
    published: null,
    url: null,
    format: 'docx',
  },
} satisfies Record<string, CitedSource>;

export function citation(source: CitedSource, quote: string, start: number, page: number | null = null): ResolvedCitation {
  const end = start + quote.length;
  return { source, quote, start, end, page, link: `dossier://doc/${source.docId}#${start}-${end}` };
}

export const QUOTES = {
  tents: 'Imagery from 26 February shows “at least 40 new tents” beside the rail spur — a marked increase since January.',
  troops: 'Western officials told CNN that Russia has massed 100,000 troops near the border — “a significant escalation,” one said.',
  convoy: 'The convoy may not have reached the city, reportedly because of fuel shortages; officials called it “stalled.”',
  statementTroops: 'The ministry puts the number of troops in the district at 70,000 — “no more,” it said.',
  depotNote: 'Fuel bladders visible on the 26 February pass are absent from the 14 January images — the ‘before’ baseline.',
};

export const CITATIONS = {
  tents: citation(SOURCES.report, QUOTES.tents, 1204, 3),
  troops: citation(SOURCES.article, QUOTES.troops, 311),
  convoy: citation(SOURCES.statement, QUOTES.convoy, 88),
  statementTroops: citation(SOURCES.statement, QUOTES.statementTroops, 402),
  depotNote: citation(SOURCES.report, QUOTES.depotNote, 2210, 5),
};

export const GROUP: ResolvedGroup = {
  label: 'Troops near the border',
  unit: 'troops',
  verdict: 'conflicting',
  reason: 'The highest figure is 43% above the lowest.',
  members: [
    { quantityText: '100,000', low: 100000, high: 100000, source: 'Western officials', via: ['CNN'], citation: CITATIONS.troops },
    { quantityText: '70,000', low: 70000, high: 70000, source: 'the ministry', via: [], citation: CITATIONS.statementTroops },
  ],
};

export function fixtureBrief(overrides: Partial<ResolvedBrief> = {}): ResolvedBrief {
  return {
    title: 'Northern border build-up: what the sources say',
    generatedAt: '2024-03-12T14:05:00.000Z',
    items: [
      { type: 'heading', text: 'Summary' },
      {
        type: 'text',
        markdown:
          'Sources agree on a **build-up** but *not* on its size.\n\n- Imagery is the firmest evidence\n- Official figures conflict\n\nSee [the ISW update](https://www.understandingwar.org/) and [this](javascript:alert(1)); <b>raw</b> HTML stays text.',
      },
      { type: 'heading', text: 'Evidence' },
      {
        type: 'claim',
        text: 'Imagery shows at least 40 new tents beside the rail spur.',
        certainty: 'asserted',
        attribution: null,
        hedges: [],
        negated: false,
        quantities: [{ text: 'at least 40', low: 40, high: 40, approximate: false, bound: 'at-least', unit: 'tents' }],
        citation: CITATIONS.tents,
      },
      {
        type: 'claim',
        text: 'Russia has massed 100,000 troops near the border.',
        certainty: 'attributed',
        attribution: { source: 'Western officials', via: ['CNN'] },
        hedges: [],
        negated: false,
        quantities: [{ text: '100,000 troops', low: 100000, high: 100000, approximate: false, bound: 'exact', unit: 'troops' }],
        citation: CITATIONS.troops,
      },
      {
        type: 'claim',
        text: 'The convoy may not have reached the city.',
        certainty: 'hedged',
        attribution: null,
        hedges: ['may', 'reportedly'],
        negated: true,
        quantities: [],
        citation: CITATIONS.convoy,
      },
      { type: 'note', markdown: 'Compare the **fuel bladders** with the January pass before relying on the tent count.', citation: CITATIONS.depotNote },
      { type: 'heading', text: 'Figures compared' },
      { type: 'group', group: GROUP },
    ],
    sources: [SOURCES.report, SOURCES.article, SOURCES.statement],
    disputes: [GROUP],
    ...overrides,
  };
}

export const ALL_CITATIONS = Object.values(CITATIONS);
