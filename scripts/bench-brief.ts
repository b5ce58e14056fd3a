// Brief export speed: a generated 200-claim brief (with notes, comparison groups and 20 sources)
// written in every format, next to planning the same brief (the wording, footnotes and APA Sources list
// that every format shares). Run directly (`npx tsx scripts/bench-brief.ts`) it prints {"metrics":[...]}.
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { CitedSource, ResolvedBrief, ResolvedBriefItem, ResolvedCitation, ResolvedGroup } from '../shared/types/brief.ts';
import type { Certainty } from '../shared/types/claims.ts';
import { EXPORT_FORMATS, exportBrief } from '../electron/services/briefs/export/index.ts';
import { planBrief } from '../electron/services/briefs/export/citations.ts';

export interface BriefMetric {
  name: string;
  value: number;
  unit: string;
  peer?: string;
  peer_value?: number;
}

const OUTLETS = ['Reuters', 'CNN', 'BBC News', 'Financial Times', 'Le Monde', 'Kyiv Independent', 'Al Jazeera', 'The Economist', 'Associated Press', 'Bellingcat'];
const SPEAKERS = ['Western officials', 'the defence ministry', 'a senior diplomat', 'analysts at the institute', 'local authorities', 'the UN mission'];
const PLACES = ['the northern border', 'the port city', 'the eastern district', 'the river crossing', 'the capital', 'the rail junction'];
const HEDGES = ['may', 'reportedly', 'appears to', 'is believed to'];
const FORMATS: CitedSource['format'][] = ['pdf', 'html', 'docx', 'md', 'txt'];

function source(i: number): CitedSource {
  const format = FORMATS[i % FORMATS.length];
  return {
    docId: (0x5eed00000000 + i * 7919).toString(16).slice(-12),
    title: `Situation report ${i + 1}: movements around ${PLACES[i % PLACES.length]}`,
    author: i % 3 === 2 ? null : `Analyst ${String.fromCharCode(65 + (i % 26))}. Example`,
    outlet: OUTLETS[i % OUTLETS.length],
    published: `2024-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`,
    url: format === 'html' ? `https://news.example.com/${2024}/${i + 1}/report` : null,
    format,
  };
}

function citation(src: CitedSource, i: number): ResolvedCitation {
  const figure = (20 + (i % 17) * 5) * 1000;
  const quote =
    `According to ${SPEAKERS[i % SPEAKERS.length]}, about ${figure.toLocaleString('en-US')} troops were seen near ${PLACES[i % PLACES.length]} — ` +
    `“a level not seen since the spring,” one official said, adding that supply convoys had doubled over ${2 + (i % 9)} days.`;
  const start = 1000 + i * 431;
  const end = start + quote.length;
  return { source: src, quote, start, end, page: src.format === 'pdf' ? 1 + (i % 40) : null, link: `dossier://doc/${src.docId}#${start}-${end}` };
}

/** A brief with `claims` claims, a heading every 20, a cited note every 25 and a comparison group every 40. */
export function syntheticBrief(claims = 200, sourceCount = 20): ResolvedBrief {
  const sources = Array.from({ length: sourceCount }, (_, i) => source(i));
  const items: ResolvedBriefItem[] = [];
  const groups: ResolvedGroup[] = [];
  const certainties: Certainty[] = ['asserted', 'attributed', 'hedged'];
  for (let i = 0; i < claims; i++) {
    if (i % 20 === 0) {
      items.push({ type: 'heading', text: `Section ${i / 20 + 1}: ${PLACES[(i / 20) % PLACES.length]}` });
      items.push({ type: 'text', markdown: `Reports on **${PLACES[(i / 20) % PLACES.length]}** diverge. The figures below are *as published*; see [the overview](https://example.org/overview).` });
    }
    const src = sources[i % sources.length];
    const cite = citation(src, i);
    const certainty = certainties[i % 3];
    const figure = (20 + (i % 17) * 5) * 1000;
    items.push({
      type: 'claim',
      text: `About ${figure.toLocaleString('en-US')} troops were seen near ${PLACES[i % PLACES.length]}, and supply convoys had doubled over ${2 + (i % 9)} days.`,
      certainty,
      attribution: certainty === 'asserted' ? null : { source: SPEAKERS[i % SPEAKERS.length], via: [OUTLETS[i % OUTLETS.length]] },
      hedges: certainty === 'hedged' ? [HEDGES[i % HEDGES.length]] : [],
      negated: i % 11 === 0,
      quantities: [
        { text: `about ${figure.toLocaleString('en-US')}`, low: figure, high: figure, approximate: true, bound: 'exact', unit: 'troops' },
        { text: `${2 + (i % 9)} days`, low: 2 + (i % 9), high: 2 + (i % 9), approximate: false, bound: 'exact', unit: 'days' },
      ],
      citation: cite,
    });
    if (i % 25 === 24) items.push({ type: 'note', markdown: `Check this against the **satellite** pass of ${PLACES[i % PLACES.length]}.\n\n- figures rounded\n- dates as reported`, citation: cite });
    if (i % 40 === 39) {
      const members = [0, 1, 2].map((k) => {
        const j = i - k * 3;
        const c = citation(sources[j % sources.length], j);
        const value = (20 + (j % 17) * 5) * 1000;
        return { quantityText: value.toLocaleString('en-US'), low: value, high: value, source: SPEAKERS[j % SPEAKERS.length], via: [OUTLETS[j % OUTLETS.length]], citation: c };
      });
      const group: ResolvedGroup = {
        label: `Troops near ${PLACES[i % PLACES.length]}`,
        unit: 'troops',
        verdict: i % 80 === 39 ? 'conflicting' : 'evolving',
        reason: 'The highest figure is well above the lowest.',
        members,
      };
      groups.push(group);
      items.push({ type: 'group', group });
    }
  }
  return { title: 'Synthetic brief: 200 claims', generatedAt: '2024-03-12T14:05:00.000Z', items, sources, disputes: groups };
}

export async function benchBrief(): Promise<BriefMetric[]> {
  const brief = syntheticBrief();
  const metrics: BriefMetric[] = [];
  let slowest = 0;
  planBrief(brief);
  const plans: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    planBrief(brief);
    plans.push((performance.now() - started) / 1000);
  }
  const peer = { peer: 'planBrief of the same brief', peer_value: Number(plans.sort((a, b) => a - b)[1].toFixed(3)) };
  for (const format of EXPORT_FORMATS) {
    // The first export loads fonts and warms the JIT; the median of three after that is the steady cost.
    await exportBrief(brief, format);
    const samples: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const bytes = await exportBrief(brief, format);
      samples.push((performance.now() - started) / 1000);
      if (bytes.length === 0) throw new Error(`empty ${format} export`);
    }
    const median = samples.sort((a, b) => a - b)[1];
    slowest = Math.max(slowest, median);
    metrics.push({ name: `brief.export_200_claims_${format}_s`, value: Number(median.toFixed(3)), unit: 's', ...peer });
  }
  return [{ name: 'brief.export_200_claims_s', value: Number(slowest.toFixed(3)), unit: 's', ...peer }, ...metrics];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchBrief()
    .then((metrics) => process.stdout.write(`${JSON.stringify({ metrics })}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`bench-brief: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    });
}
