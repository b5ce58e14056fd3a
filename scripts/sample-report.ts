// The text of the generated two-column report: a short account of the 2023 Panama Canal drought,
// written for these tests, repeated with varied figures to fill as many pages as a benchmark needs.
import type { SampleReport, SampleBlock } from './sample-pdf.ts';

const SECTION: SampleBlock[] = [
  { kind: 'heading', text: 'Water levels and transits' },
  {
    kind: 'paragraph',
    text:
      'The canal au\u00adthor\u00adi\u00adty cut the number of daily tran\u00adsits from 36 to 24 in November 2023 after Gatun Lake fell to its lowest level for the season since records began. Ship\u00adping lines that had booked slots months ahead were told to lighten their loads, and the maximum draft for the largest locks was reduced to 44 feet, down from 50 feet in normal years.[^1] Waiting times for vessels without a reser\u00advation rose to more than 11 days at the peak of the queue.',
  },
  {
    kind: 'paragraph',
    text:
      'Rainfall over the wa\u00adter\u00adshed was about 30 percent below the long-run average, a shortfall the au\u00adthor\u00adi\u00adty linked to the El Niño pattern that settled over the Pacific during the year. Each transit through the older locks uses roughly 200 million litres of fresh water, which flows out to the sea and must be replaced by rain. Year-over-year revenue from tolls was expected to fall by as much as 200 million dollars in the fol\u00adlow\u00ading fiscal year.',
  },
  { kind: 'heading', text: 'Who was affected' },
  {
    kind: 'list',
    items: [
      'Container lines moved about 5 percent of their Asia to East Coast cargo onto rail across the United States.',
      'Liquefied gas carriers took the longer route around the Cape of Good Hope on at least 20 voyages.',
      'Grain ex\u00adport\u00aders on the Gulf Coast paid auction premiums of up to 4 million dollars for a single slot.',
    ],
  },
  {
    kind: 'table',
    rows: [
      ['Month', 'Daily transits', 'Draft limit'],
      ['June', '32', '44 ft'],
      ['November', '24', '44 ft'],
      ['February', '24', '44 ft'],
    ],
  },
  {
    kind: 'paragraph',
    text:
      'The au\u00adthor\u00adi\u00adty said it would study a new reser\u00advoir on the Indio River that could supply enough water for about 12 more tran\u00adsits a day, at a cost estimated at 1.6 billion dollars.[^2] Construction would take at least six years once the land is acquired, and the con\u00adsul\u00adta\u00adtion with the com\u00admu\u00adni\u00adties in the river basin had not yet begun when the re\u00adstric\u00adtions were first eased in 2024.',
  },
];

const NOTES = {
  '1': 'Draft is the depth of a ship below the waterline; a lower limit means less cargo per transit.',
  '2': 'The estimate covers the dam and a tunnel to Gatun Lake, not the resettlement of residents.',
};

/** One section of the report: a few pages of text with every layout feature the tests look for. */
export function sampleReport(): SampleReport {
  return { title: 'The Panama Canal in a Dry Year', header: 'Maritime Trade Notes · Drought Edition', blocks: SECTION, notes: NOTES };
}

/** The report repeated with its figures varied, enough for about `pages` pages. */
export function longSampleReport(pages: number): SampleReport {
  const blocks: SampleBlock[] = [];
  // One section fills a little under one page of two columns.
  for (let round = 0; round < pages * 1.15; round++) {
    // Figures change from round to round; note markers stay.
    const vary = (text: string) => text.replace(/\[\^\w+\]|\d+(?:\.\d+)?/g, (n) => (n.startsWith('[') ? n : String(Number(n) + round)));
    for (const block of SECTION) {
      if (block.kind === 'list') blocks.push({ kind: 'list', items: block.items.map(vary) });
      else if (block.kind === 'table') blocks.push({ kind: 'table', rows: block.rows.map((row) => row.map(vary)) });
      else blocks.push({ kind: block.kind, text: vary(block.text) });
    }
  }
  return { ...sampleReport(), blocks };
}
