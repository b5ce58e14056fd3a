// Deterministic generated documents for benchmarks: news-like English prose with figures,
// attributions and hedges, so every stage (ingest, claims, search) sees realistic input.
const subjects = ['The ministry', 'Regional officials', 'The relief agency', 'A company spokesperson', 'Local police', 'The central bank', 'Hospital staff', 'The election commission', 'Port authorities', 'Independent monitors'];
const verbs = ['said', 'reported', 'confirmed', 'estimated', 'told reporters', 'announced', 'warned'];
const things = ['workers', 'residents', 'containers', 'patients', 'voters', 'tonnes of grain', 'vehicles', 'homes', 'soldiers', 'households'];
const hedges = ['reportedly', 'possibly', 'probably', 'likely', ''];
const approx = ['about', 'some', 'around', 'nearly', 'more than', 'at least', 'up to', ''];
const places = ['the northern district', 'the capital', 'the coastal province', 'the border region', 'the river valley', 'three southern towns'];
const fillers = [
  'Talks between the two sides are scheduled to resume next month.',
  'The figures could not be independently verified.',
  'Critics argue the plan ignores the needs of rural communities.',
  'The committee will publish its full findings after the summer recess.',
  'Several aid groups have called for an independent inquiry into the response.',
];

/** Small, fast, seeded generator so every run builds the same corpus. */
export function rng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

export function sentence(random: () => number): string {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const n = Math.floor(random() * 50_000) + 12;
  const figure = random() < 0.2 ? `${n.toLocaleString('en-US')} to ${(n + Math.floor(random() * 5000) + 100).toLocaleString('en-US')}` : n.toLocaleString('en-US');
  const kind = random();
  if (kind < 0.45) return `${pick(subjects)} ${pick(verbs)} that ${`${pick(approx)} ${figure}`.trim()} ${pick(things)} in ${pick(places)} were affected.`;
  if (kind < 0.7) return `${`${pick(approx)} ${figure}`.trim().replace(/^./, (c) => c.toUpperCase())} ${pick(things)} have ${pick(hedges)} been moved from ${pick(places)}, according to ${pick(subjects).toLowerCase()}.`.replace(/\s+/g, ' ');
  if (kind < 0.85) return pick(fillers);
  return `The cost of repairs in ${pick(places)} rose by ${(random() * 40).toFixed(1)} percent over ${Math.floor(random() * 20) + 2} months.`;
}

/** One article of roughly `words` words, in paragraphs of three to five sentences. */
export function article(seed: number, words = 700): string {
  const random = rng(seed);
  const paragraphs: string[] = [`Report ${seed}: developments in ${['the north', 'the capital', 'the region', 'the valley'][seed % 4]}`];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    const size = 3 + Math.floor(random() * 3);
    for (let i = 0; i < size; i++) sentences.push(sentence(random));
    const paragraph = sentences.join(' ');
    count += paragraph.split(/\s+/).length;
    paragraphs.push(paragraph);
  }
  return paragraphs.join('\n\n') + '\n';
}
