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

const SYLLABLES = ['var', 'no', 'kel', 'ost', 'ma', 'ri', 'dun', 'sel', 'bra', 'tov', 'li', 'en', 'gor', 'ska', 'ha', 'mir', 'pel', 'ud', 'zan', 'ko', 'rek', 'vi', 'lo', 'tan'];
const FIRST = ['Ilse', 'Marta', 'Jonas', 'Oleg', 'Amira', 'Tomas', 'Lena', 'Piotr', 'Sara', 'Emil', 'Noor', 'Karel'];

function name(random: () => number, parts: number): string {
  let out = '';
  for (let i = 0; i < parts; i++) out += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return out[0].toUpperCase() + out.slice(1);
}

/** The people and places of one story: real coverage of a story keeps naming the same few. */
export interface Story {
  town: string;
  person: string;
  body: string;
}

/** One of 400 stories; every 400th article returns to the same story, so a name matches about 25 of 10,000. */
export function story(seed: number): Story {
  const random = rng(seed % 400 + 7_000_000);
  return { town: name(random, 3), person: `${FIRST[Math.floor(random() * FIRST.length)]} ${name(random, 2)}`, body: `${name(random, 2)} Institute` };
}

export function sentence(random: () => number, about?: Story): string {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  if (about && random() < 0.25) {
    const pickStory = random();
    if (pickStory < 0.4) return `${about.person}, who heads the ${about.body}, said the situation in ${about.town} was ${pick(['improving', 'deteriorating', 'unclear', 'stable'])}.`;
    if (pickStory < 0.7) return `Residents of ${about.town} told reporters that ${pick(['roads', 'schools', 'clinics', 'markets'])} had ${pick(['reopened', 'closed', 'been damaged'])}.`;
    return `The ${about.body} estimated that ${Math.floor(random() * 900) + 10} ${pick(things)} in ${about.town} needed help.`;
  }
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
  const about = story(seed);
  const paragraphs: string[] = [`Report ${seed}: developments in ${about.town}`];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    const size = 3 + Math.floor(random() * 3);
    for (let i = 0; i < size; i++) sentences.push(sentence(random, about));
    const paragraph = sentences.join(' ');
    count += paragraph.split(/\s+/).length;
    paragraphs.push(paragraph);
  }
  return paragraphs.join('\n\n') + '\n';
}
