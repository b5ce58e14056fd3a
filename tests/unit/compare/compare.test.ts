// Cross-source comparison on multi-article fixtures and on the sample articles: grouping by what a
// figure measures, verdicts, pairwise grouping quality, corroboration by independent origin, and the CLI.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractClaims, normalizeText } from '../../../electron/services/claims/engine.ts';
import { compareClaims, type CompareInput } from '../../../electron/services/compare/compare-service.ts';

const fixtures = join(process.cwd(), 'tests', 'fixtures', 'compare');
const corpus = resolve(process.cwd(), '..', 'shared', 'corpus');

function input(file: string, published: string | null = null, dir = fixtures): CompareInput {
  return { doc: file, docId: null, title: file, published, claims: extractClaims(normalizeText(readFileSync(join(dir, file), 'utf8'))) };
}

/** Compares texts written for a test, each with its publication date, named d0, d1, … */
function compareTexts(docs: Array<[published: string, text: string]>) {
  return compareClaims(docs.map(([published, text], i) => ({ doc: `d${i}`, docId: null, title: `d${i}`, published, claims: extractClaims(normalizeText(text)) })));
}

const figures = (group: { members: Array<{ quantity: { low: number; high: number | null } }> }) => group.members.map((m) => (m.quantity.low === m.quantity.high ? m.quantity.low : [m.quantity.low, m.quantity.high]));

describe('grouping and verdicts (plant fire fixtures)', () => {
  const result = compareClaims([input('plant-fire-day1.txt', '2024-03-01'), input('plant-fire-day3.txt', '2024-03-03'), input('plant-fire-day5.txt', '2024-03-05')]);
  const find = (low: number) => result.groups.find((g) => g.members.some((m) => m.quantity.low === low))!;

  it('keeps killed, evacuated workers and firefighters apart', () => {
    expect(figures(find(14))).toEqual([14, 22, 31]);
    expect(figures(find(1200))).toEqual([1200, 1200]);
    expect(figures(find(300))).toEqual([300, 280]);
    expect(new Set([find(14).id, find(1200).id, find(300).id, find(40).id]).size).toBe(4);
  });

  it('judges each group', () => {
    expect(find(1200).verdict).toBe('conflicting');
    expect(find(1200).reason).toMatch(/nowhere near 1,200/);
    expect(find(14).verdict).toBe('evolving');
    expect(find(14).reason).toMatch(/1 Mar 2024.*5 Mar 2024/);
    expect(find(300).verdict).toBe('consistent');
    expect(find(40).verdict).toBe('single');
  });

  it('orders members by date and echoes the document as given', () => {
    expect(find(14).members.map((m) => m.doc)).toEqual(['plant-fire-day1.txt', 'plant-fire-day3.txt', 'plant-fire-day5.txt']);
  });

  it('reaches pairwise precision ≥ 0.85 and recall ≥ 0.7 against hand-made groups', () => {
    const gold = [[14, 22, 31], [1200], [300, 280], [40], [2]];
    const goldOf = (v: number) => gold.findIndex((g) => g.includes(v));
    const members = result.groups.flatMap((g) => g.members.map((m) => ({ group: g.id, gold: goldOf(m.quantity.low) })));
    let tp = 0, fp = 0, fn = 0;
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const same = members[i].group === members[j].group;
        const truth = members[i].gold >= 0 && members[i].gold === members[j].gold;
        if (same && truth) tp++;
        else if (same) fp++;
        else if (truth) fn++;
      }
    }
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.85);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.7);
  });
});

describe('when a figure was given', () => {
  it('dates a figure by its report, not by a possessive day that names the event', () => {
    // After Haiti's earthquake of Saturday 14 August 2021: the first toll, and Tuesday's.
    const first = 'Haiti earthquake kills hundreds\n\nThe earthquake that struck south-western Haiti on Saturday killed at least 304 people, the prime minister said.';
    const later = "Haiti quake toll climbs\n\nHaiti's civil protection agency said on Tuesday that Saturday's earthquake had killed 1,941 people.";
    const { groups } = compareTexts([['2021-08-14', first], ['2021-08-17', later]]);
    const toll = groups.find((g) => g.members.some((m) => m.quantity.low === 1941))!;
    expect(toll.members.find((m) => m.quantity.low === 1941)!.date).toBe('2021-08-17');
    expect(toll.verdict).toBe('evolving');
  });
});

describe('recurring events of one kind', () => {
  it('keeps the turnouts of marches held on different days apart', () => {
    // Hong Kong's marches against the extradition bill on 9 and 16 June 2019, in organisers' figures.
    const docs: Array<[string, string]> = [
      ['2019-06-10', "Hong Kong crowds march against extradition bill\n\nAbout 1.03 million people took part in Sunday's mass march against the extradition bill, the Civil Human Rights Front said. Marchers walked from Victoria Park to the government offices in Admiralty, where the Legislative Council is due to debate the bill on Wednesday."],
      ['2019-06-17', "Hong Kong crowds march again against extradition bill\n\nNearly 2 million people took part in Sunday's march against the extradition bill, the Civil Human Rights Front said. Marchers walked from Victoria Park to the government offices in Admiralty, a day after the chief executive suspended the bill."],
    ];
    const { groups } = compareTexts(docs);
    const first = groups.find((g) => g.members.some((m) => m.quantity.low === 1_030_000))!;
    expect(first.members.some((m) => m.quantity.low === 2_000_000)).toBe(false);
  });

  it('counts each march on its own day, and counters of one march as disagreeing', () => {
    // Barcelona's marches for Spanish unity on 8 and 29 October 2017: city police against organisers and
    // the government's delegation. The second report recalls the first a span of weeks back.
    const docs: Array<[string, string]> = [
      ['2017-10-09', 'Hundreds of thousands march in Barcelona for Spanish unity\n\nMarchers filled the centre of Barcelona on Sunday to oppose a split from Spain. The city police put the crowd at 350,000, while the organisers, Societat Civil Catalana, said 930,000 people took part.'],
      ['2017-10-30', 'Barcelona unity march draws huge crowd again\n\nDemonstrators returned to the streets of Barcelona on Sunday, two days after the regional parliament declared independence. The city police counted 300,000 marchers; the organisers claimed 1.1 million and the Spanish government delegation 1 million. Three weeks earlier the city police had counted 350,000 marchers.'],
    ];
    const { groups } = compareTexts(docs);
    const first = groups.find((g) => g.members.some((m) => m.quantity.low === 930_000))!;
    const second = groups.find((g) => g.members.some((m) => m.quantity.low === 1_100_000))!;
    expect(figures(first).sort()).toEqual([350_000, 350_000, 930_000].sort());
    expect(figures(second).sort()).toEqual([1_000_000, 1_100_000, 300_000].sort());
    expect(first.verdict).toBe('conflicting');
    expect(second.verdict).toBe('conflicting');
  });

  it('reads "the capital" as the capital of the story\'s country', () => {
    // France's pension strikes, 31 January 2023: the interior ministry's count for Paris, told two ways.
    const docs: Array<[string, string]> = [
      ['2023-01-31', 'France strikes again over pensions\n\nFrance saw 1.27 million people march on Tuesday, the interior ministry said. Police said 87,000 people marched in Paris.'],
      ['2023-02-01', 'French unions plan more strikes\n\nFrance counted 1.27 million marchers on Tuesday, the ministry said, with 87,000 in the capital.'],
    ];
    const paris = compareTexts(docs).groups.find((g) => g.members.some((m) => m.quantity.low === 87_000))!;
    expect(figures(paris)).toEqual([87_000, 87_000]);
  });

  it('does not split a rising toll when a report names the day of an older event', () => {
    // Haiti, August 2021, with the January 2010 earthquake recalled in one report.
    const docs: Array<[string, string]> = [
      ['2021-08-15', "Haiti earthquake toll rises\n\nSaturday's earthquake in south-western Haiti killed 1,297 people, the civil protection agency said on Sunday. Rescuers in Les Cayes searched collapsed homes through the night."],
      ['2021-08-17', 'Haiti earthquake toll rises again\n\nThe toll from the earthquake in south-western Haiti rose to 1,941, the civil protection agency said on Tuesday. The Jan. 12, 2010 earthquake killed more than 200,000 people. Rescuers in Les Cayes kept searching collapsed homes.'],
    ];
    const { groups } = compareTexts(docs);
    const toll = groups.find((g) => g.members.some((m) => m.quantity.low === 1941))!;
    expect(figures(toll)).toEqual([1297, 1941]);
    expect(toll.verdict).toBe('evolving');
  });
});

describe('which figures may move over time', () => {
  const groupOf = (groups: ReturnType<typeof compareTexts>['groups'], low: number) => groups.find((g) => g.members.some((m) => m.quantity.low === low))!;

  it('keeps counts made afresh each day apart by the day their sentence names', () => {
    // Alaska Airlines after the door-plug blowout of January 2024: flights cancelled day by day.
    const docs: Array<[string, string]> = [
      ['2024-01-07', 'Airline grounds its jets\n\nThe airline cancelled 97 flights on Saturday after it grounded its jets. The carrier said it had cancelled 120 flights on Sunday.'],
      ['2024-01-08', 'Cancellations go on\n\nThe airline had cancelled more than 160 flights on Saturday, according to a flight tracker.'],
    ];
    const { groups } = compareTexts(docs);
    expect(groupOf(groups, 97).id).toBe(groupOf(groups, 160).id);
    expect(groupOf(groups, 120).id).not.toBe(groupOf(groups, 97).id);
    // The ends of a span ("From Friday to Sunday") date no single day's count.
    const span = compareTexts([
      ['2024-07-22', 'Airlines struggle\n\nFrom Friday to Sunday, airlines cancelled 4,000 flights, a tracker said.'],
      ['2024-07-23', 'Airlines recover\n\nAirlines cancelled 4,000 flights from Friday to Sunday, the tracker said.'],
    ]).groups;
    expect(figures(groupOf(span, 4000))).toEqual([4000, 4000]);
  });

  it('gives a bare total the meaning of the figure before it only when the two are of one order', () => {
    // Netflix, April 2022: a quarter's loss of subscribers, then the total left.
    const docs: Array<[string, string]> = [
      ['2022-04-19', 'Netflix loses subscribers\n\nNetflix lost 200,000 subscribers in the first quarter. It now has 221.6 million.'],
      ['2022-04-20', 'Netflix shares fall\n\nThe streaming service said it lost 200,000 subscribers between January and March.'],
    ];
    const { groups } = compareTexts(docs);
    expect(figures(groupOf(groups, 200000))).toEqual([200000, 200000]);
  });

  it('names a group in the words most of its figures are given in', () => {
    // Derna, September 2023: a first headline says "killing", the later reports "death toll".
    const docs: Array<[string, string]> = [
      ['2023-09-11', 'Storm Daniel reaches Libya, killing at least 150 in Derna\n\nRescuers searched the flooded city.'],
      ['2023-09-12', 'Derna floods\n\nThe death toll rose to 2,300, the ambulance service said.'],
      ['2023-09-13', 'Derna floods worsen\n\nThe death toll rose to 5,300 on Wednesday, officials said.'],
    ];
    const toll = groupOf(compareTexts(docs).groups, 5300);
    expect(figures(toll)).toEqual([150, 2300, 5300]);
    expect(toll.label).toMatch(/^death toll/);
  });

  it('reads two reports of one day inside a steadily rising toll as the count updated, not a dispute', () => {
    // Maui, August 2023: 80 deaths early on Saturday, 89 later that day, within a toll that climbed to 115.
    const docs: Array<[string, string]> = [
      ['2023-08-10', 'Maui fire death toll rises\n\nThe death toll from the wildfires on Maui rose to 36, county officials said.'],
      ['2023-08-12', 'Maui fires\n\nMaui County said 80 deaths had been confirmed in its update early on Saturday.'],
      ['2023-08-12', 'Deadliest US wildfire in a century\n\nOfficials said on Saturday evening that the death toll had risen to 89.'],
      ['2023-08-16', 'Maui toll climbs\n\nThe death toll reached 111 on Wednesday, and only three of the dead have been publicly identified.'],
      ['2023-08-21', 'Maui toll\n\nThe death toll stood at 115 on Monday, police said.'],
    ];
    const toll = groupOf(compareTexts(docs).groups, 111);
    expect(figures(toll)).toEqual([36, 80, 89, 111, 115]);
    expect(toll.verdict).toBe('evolving');
  });

  it('takes a value precise to three digits, told again in another report, for the same figure however the thing is named', () => {
    // Delta after the CrowdStrike outage, July 2024: its own count of cancelled flights.
    const docs: Array<[string, string]> = [
      ['2024-07-31', 'Delta tallies its meltdown\n\nDelta cancelled 5,470 flights from Friday to Tuesday, the airline said.'],
      ['2024-08-01', 'Delta under investigation\n\nThe carrier logged 5,470 cancellations over five days, according to its chief executive.'],
    ];
    const delta = groupOf(compareTexts(docs).groups, 5470);
    expect(figures(delta)).toEqual([5470, 5470]);
  });

  it('lets a mass of stuff pile up over days, but not a named thing\'s own mass', () => {
    // Paris during the refuse collectors' strike, March 2023; the Ever Given's tonnage, March 2021.
    const rubbish = compareTexts([
      ['2023-03-12', 'Paris rubbish piles up\n\nAbout 5,600 tonnes of rubbish lay uncollected on the streets of Paris, the city said.'],
      ['2023-03-15', 'Paris rubbish strike\n\nAround 7,000 tonnes of rubbish lay uncollected on the streets of Paris, the city said.'],
      ['2023-03-22', 'Paris rubbish strike\n\nSome 9,500 tonnes of rubbish still lay uncollected on the streets of Paris, the city said.'],
    ]).groups;
    expect(groupOf(rubbish, 7000).verdict).toBe('evolving');
    const ship = compareTexts([
      ['2021-03-24', 'Ship blocks Suez Canal\n\nThe 200,000-ton ship ran aground in the canal.'],
      ['2021-03-27', 'Suez salvage\n\nThe 224,000-ton ship was still stuck in the canal.'],
    ]).groups;
    expect(groupOf(ship, 224000).verdict).toBe('conflicting');
  });

  it('keeps sums of money far apart out of one group', () => {
    // The CrowdStrike outage, July 2024: all Fortune 500 losses against one airline's.
    const docs: Array<[string, string]> = [
      ['2024-07-24', 'Outage losses\n\nParametrix put the direct losses of Fortune 500 companies at $5.4 billion.'],
      ['2024-07-31', 'Delta counts the cost\n\nDelta said the outage cost it $500 million in losses.'],
      ['2024-08-01', 'Outage losses\n\nThe direct losses for the Fortune 500 reached $5.4 billion, the insurer said.'],
    ];
    const { groups } = compareTexts(docs);
    const big = groupOf(groups, 5_400_000_000);
    expect(figures(big)).toEqual([5_400_000_000, 5_400_000_000]);
  });

  it('takes out of a measure the odd value one report gives beside it at once', () => {
    // The Medibank breach, Australia, autumn 2022: all customers reached, and the smaller number whose health claims were taken.
    const docs: Array<[string, string]> = [
      ['2022-11-07', 'Medibank breach\n\nMedibank said the data of 9.7 million current and former customers had been reached.\n\nThe insurer said 480,000 customers had health claims data taken.'],
      ['2022-11-08', 'Insurer hack\n\nHackers reached the personal data of 9.7 million customers, the company said.'],
      ['2022-11-10', 'Medibank hack widens\n\nPolice are investigating the theft of data on 9.7 million customers.'],
    ];
    const { groups } = compareTexts(docs);
    expect(figures(groupOf(groups, 9_700_000))).toEqual([9_700_000, 9_700_000, 9_700_000]);
    expect(figures(groupOf(groups, 480_000))).toEqual([480_000]);
  });

  it('keeps the figures of different months apart when reports name two months or more', () => {
    // US payrolls of summer 2023: June first put at 209,000, revised to 185,000; July at 187,000.
    const docs: Array<[string, string]> = [
      ['2023-07-07', 'June jobs report\n\nUS employers added 209,000 jobs in June, the Labor Department said on Friday.'],
      ['2023-08-04', 'July jobs report\n\nUS employers added 187,000 jobs in July, the Labor Department said.\n\nThe department also said employers had added 185,000 jobs in June, fewer than it first reported.'],
      ['2023-08-05', 'Hiring slows\n\nThe economy added 187,000 jobs in July as hiring cooled, official figures showed.'],
    ];
    const { groups } = compareTexts(docs);
    expect(figures(groupOf(groups, 187_000))).toEqual([187_000, 187_000]);
    expect(figures(groupOf(groups, 209_000))).toEqual([209_000, 185_000]);
  });

  it('joins one value told again in other words when the words around it say the same thing', () => {
    // The Boeing engineers' letter, autumn 2019.
    const docs: Array<[string, string]> = [
      ['2019-10-30', 'Boeing hearing\n\nSenators asked why 2,100 Boeing engineers had signed a safety letter.\n\nThe company has grounded the jet.'],
      ['2019-10-31', 'Engineers speak\n\nUnion leaders delivered a safety letter with 2,100 signatures.'],
      ['2019-11-01', 'Boeing jet grounded\n\nThe company said 387 jets remain grounded.'],
    ];
    const { groups } = compareTexts(docs);
    expect(figures(groupOf(groups, 2100))).toEqual([2100, 2100]);
    expect(figures(groupOf(groups, 387))).toEqual([387]);
  });

  it('joins no value told again when the two say different things of it', () => {
    const docs: Array<[string, string]> = [
      ['2023-02-07', 'Quake in the hills\n\nThe quake killed 612 people in the hills.'],
      ['2023-02-08', 'Quake in the valley\n\nThe quake destroyed 612 homes in the valley.'],
    ];
    const { groups } = compareTexts(docs);
    expect(groups.some((g) => g.members.length > 1)).toBe(false);
  });

  it('reads a county a sentence points back to as that county, and keeps its toll apart from the total', () => {
    // Hurricane Helene, North Carolina, autumn 2024.
    const docs: Array<[string, string]> = [
      ['2024-10-01', 'Helene toll climbs\n\nAt least 130 people have died across six states.\n\nBuncombe County Sheriff Quentin Miller said 57 people had died in his county.'],
      ['2024-10-03', 'Helene toll\n\nThe storm has killed at least 180 people in six states.\n\nIn Asheville, officials spoke of Buncombe County as the worst hit. The county now counts 72 deaths.'],
    ];
    const { groups } = compareTexts(docs);
    expect(figures(groupOf(groups, 57))).toEqual([57, 72]);
    // The group says whose toll it is, as the text writes the name.
    expect(groupOf(groups, 57).label).toMatch(/\(Buncombe County\)$/);
    expect(figures(groupOf(groups, 130))).toEqual([130, 180]);
  });

  it('reads later projections as other projections, not as the count moving', () => {
    // West Africa, October 2014: the WHO's projections of new Ebola cases a week.
    const docs: Array<[string, string]> = [
      ['2014-10-14', 'WHO warns on Ebola\n\nThe WHO said there could be up to 10,000 new Ebola cases a week by December.'],
      ['2014-10-21', 'Ebola projections\n\nOfficials warned that West Africa might see between 5,000 and 10,000 new Ebola cases a week.'],
    ];
    const projected = groupOf(compareTexts(docs).groups, 5000);
    expect(figures(projected)).toHaveLength(2);
    expect(projected.verdict).toBe('consistent');
  });

  it('reads one magnitude however outlets name the quake, and no threshold as a reading', () => {
    // Turkey and Syria, February 2023: the USGS gave 7.8 and Turkey's AFAD 7.7 on the same day.
    const docs: Array<[string, string]> = [
      ['2023-02-06', 'Turkey earthquake kills thousands\n\nThe magnitude-7.8 earthquake struck near Gaziantep before dawn, the U.S. Geological Survey said.'],
      ['2023-02-06', "Quake flattens buildings in southern Turkey\n\nTurkey's disaster agency AFAD gave the quake a magnitude of 7.7. AFAD recorded more than 1,100 aftershocks, 16 of which exceeded magnitude 5."],
      ['2023-02-08', 'Rescuers race the cold in Turkey\n\nSurvivors of the magnitude-7.8 quake spent a third night outside in freezing weather. A magnitude-7.5 aftershock struck Elbistan hours after the first quake.'],
    ];
    const { groups } = compareTexts(docs);
    const magnitude = groupOf(groups, 7.8);
    expect(figures(magnitude).sort()).toEqual([7.7, 7.8, 7.8]);
    expect(magnitude.verdict).toBe('conflicting');
    // The aftershock later that day is a quake of its own, whatever its value.
    expect(groupOf(groups, 7.5)).not.toBe(magnitude);
  });

  it('gathers one measured thing described in different words, but no two spans of time by value alone', () => {
    // The Ever Given, March 2021: one ship, described three ways; and a dam's height given as 70 and 74 metres.
    const docs: Array<[string, string]> = [
      ['2021-03-24', 'Giant ship blocks the Suez Canal\n\nThe 400-metre container ship ran aground in a sandstorm on Tuesday. Its crew of 25 was safe. Workers get 60 days of notice before any layoff, the union said.'],
      ['2021-03-26', 'Diggers work to free the Ever Given\n\nThe 399-metre vessel is wedged across the canal near Suez. Owners promised 60 days of severance pay to any laid-off crew.'],
      ['2021-03-29', 'Ever Given floats again\n\nThe 400-metre Ever Given was pulled free on Monday by tugs. Dredgers had dug away a 360-metre stretch of the bank.'],
    ];
    const { groups } = compareTexts(docs);
    expect(figures(groupOf(groups, 399)).sort()).toEqual([399, 400, 400]);
    expect(groupOf(groups, 399).verdict).toBe('consistent');
    const spans = groups.filter((g) => g.members.some((m) => m.quantity.low === 60 && /days?/.test(m.quantity.unit ?? '')));
    expect(groupOf(groups, 360).members).toHaveLength(1);
    expect(spans).toHaveLength(2);
    expect(spans.every((g) => g.members.length === 1)).toBe(true);
  });

  it('takes an unplaced toll for a named country\'s figure only when it is that figure told again', () => {
    // Libya, September 2023: the Derna toll beside Morocco's quake toll of the same week.
    const docs: Array<[string, string]> = [
      ['2023-09-12', "Libya floods: thousands feared dead in Derna\n\nThe floods killed 2,300 people in Derna, the ambulance service said. The disaster came days after Morocco's earthquake killed 2,901 people."],
      ['2023-09-16', 'Libya revises Derna flood toll\n\nThe health minister of the eastern government said 3,166 people had died in the floods.'],
    ];
    const { groups } = compareTexts(docs);
    expect(groupOf(groups, 3166)).not.toBe(groupOf(groups, 2901));
    expect(figures(groupOf(groups, 3166))).toContain(2300);
  });

  it('keeps a hedged company count and its revision in one series', () => {
    // Yahoo's 2013 breach: "more than 1 billion" accounts in December 2016, all 3 billion in October 2017.
    const docs: Array<[string, string]> = [
      ['2016-12-15', 'Yahoo discloses second breach\n\nYahoo said data from more than 1 billion user accounts may have been stolen in August 2013. Yahoo said the stolen data may include names, telephone numbers and hashed passwords.'],
      ['2016-12-16', 'Yahoo breach may be largest ever\n\nThe Yahoo breach disclosed this week may have affected more than 1 billion user accounts, the company said. Yahoo said it had forced affected users to change their passwords.'],
      ['2017-10-04', 'Every Yahoo account was hit in 2013 breach\n\nYahoo said all 3 billion user accounts were affected by the August 2013 breach. Yahoo, now owned by Verizon, said the stolen data did not include passwords in clear text.'],
      ['2017-10-05', 'Yahoo triples its breach count\n\nThe August 2013 breach affected 3 billion Yahoo user accounts, Verizon said. Yahoo users were told to change their passwords.'],
    ];
    const { groups } = compareTexts(docs);
    const accounts = groupOf(groups, 3_000_000_000);
    expect(figures(accounts).sort()).toEqual([1_000_000_000, 1_000_000_000, 3_000_000_000, 3_000_000_000].sort());
    expect(accounts.verdict).toBe('evolving');
  });

  it('finds the different magnitudes of two agencies for one quake conflicting, whatever their dates', () => {
    // Morocco, September 2023: the USGS gave 6.8, Morocco's geophysics institute 7.0.
    const docs: Array<[string, string]> = [
      ['2023-09-09', "Earthquake strikes Morocco's High Atlas\n\nThe U.S. Geological Survey put the earthquake's magnitude at 6.8. The quake struck the High Atlas mountains late on Friday, south-west of Marrakech."],
      ['2023-09-10', "Morocco earthquake: rescuers search High Atlas villages\n\nMorocco's national geophysics institute measured the quake at magnitude 7.0. Rescuers reached villages in the High Atlas mountains south-west of Marrakech."],
    ];
    const magnitude = groupOf(compareTexts(docs).groups, 6.8);
    expect(figures(magnitude)).toEqual([6.8, 7]);
    expect(magnitude.verdict).toBe('conflicting');
  });

  it('finds a magnitude the text says was revised evolving', () => {
    // Japan, March 2011: the Meteorological Agency's 8.9, revised to 9.0 two days later.
    const docs: Array<[string, string]> = [
      ['2011-03-11', "Massive earthquake strikes off Japan\n\nThe Japan Meteorological Agency put the earthquake's magnitude at 8.9. A tsunami swept across farmland on the north-east coast of Honshu."],
      ['2011-03-13', "Japan upgrades earthquake magnitude\n\nThe Japan Meteorological Agency has now revised the quake's magnitude to 9.0, after a first reading of 8.9. Rescuers searched the north-east coast of Honshu, where the tsunami struck."],
    ];
    const magnitude = groupOf(compareTexts(docs).groups, 9);
    expect(magnitude.verdict).toBe('evolving');
  });

  it('reads two reports of one day inside a rising toll as hours apart, not as a conflict', () => {
    // Turkey and Syria, February 2023: the toll passed 5,000 on the morning of the 7th and 7,800 by its evening.
    const docs: Array<[string, string]> = [
      ['2023-02-06', 'Earthquake hits southern Turkey and northern Syria\n\nThe earthquake killed more than 2,300 people in Turkey and Syria, officials said. Rescuers in Gaziantep and Hatay searched the rubble of collapsed buildings.'],
      ['2023-02-07', 'Turkey and Syria search for survivors\n\nThe earthquake has killed nearly 5,000 people in Turkey and Syria, officials said. Rescuers in Gaziantep and Hatay worked through freezing rain.'],
      ['2023-02-07', 'Freezing night for earthquake survivors\n\nThe earthquake killed about 7,800 people in Turkey and Syria, officials said. Rescuers in Gaziantep and Hatay pulled survivors from collapsed buildings.'],
      ['2023-02-08', 'Turkey and Syria earthquake toll\n\nThe earthquake has killed more than 11,000 people in Turkey and Syria, officials said. Rescuers in Gaziantep and Hatay kept searching.'],
    ];
    const toll = groupOf(compareTexts(docs).groups, 11_000);
    expect(toll.members).toHaveLength(4);
    expect(toll.verdict).toBe('evolving');
  });

  it('reads the base of a change as the earlier value of the figure before it', () => {
    // United States, September 2019: unemployment at 3.5%, down from 3.7% in August.
    const docs: Array<[string, string]> = [
      ['2019-10-04', 'US jobless rate falls\n\nThe unemployment rate fell to 3.5% in September, down from 3.7% the month before, the Labor Department said. Employers added 136,000 jobs.'],
      ['2019-10-04', 'Unemployment at a 50-year low\n\nThe unemployment rate dropped to 3.5% last month, the Bureau of Labor Statistics reported on Friday. Hiring slowed as factories cut shifts.'],
    ];
    const rate = groupOf(compareTexts(docs).groups, 3.7);
    expect(figures(rate)).toEqual([3.7, 3.5, 3.5]);
    expect(rate.members[0].date).toBeNull();
    expect(rate.verdict).toBe('evolving');
  });

  it('keeps a figure a noun names ("a city of 7.48 million") out of the measure of the figure before it', () => {
    // Hong Kong, 9 June 2019: the organisers' count beside the city's population.
    const docs: Array<[string, string]> = [
      ['2019-06-10', 'Hong Kong march against extradition bill\n\nThe organisers said about 1.03 million people took part, in a city of 7.48 million. Police put the crowd at 240,000 at its peak.'],
      ['2019-06-10', 'Hong Kong crowds fill the streets\n\nOrganisers said 1.03 million people marched against the extradition bill; police said 240,000 took part at the peak.'],
    ];
    const { groups } = compareTexts(docs);
    const turnout = groupOf(groups, 1_030_000);
    expect(turnout.members.some((m) => m.quantity.low === 7_480_000)).toBe(false);
    expect(turnout.members.some((m) => m.quantity.low === 240_000)).toBe(true);
    expect(turnout.verdict).toBe('conflicting');
  });

  it('compares distances written in kilometres and in miles', () => {
    // Morocco, September 2023: the USGS placed the epicentre about 72 km south-west of Marrakech.
    const docs: Array<[string, string]> = [
      ['2023-09-09', "Earthquake strikes Morocco's High Atlas\n\nThe epicentre was 72 kilometres south-west of Marrakech, the U.S. Geological Survey said. Rescuers reached villages in the High Atlas mountains."],
      ['2023-09-09', "Morocco earthquake: villages in ruins\n\nSeismologists located the epicentre 45 miles south-west of Marrakech. Families in mountain villages slept outdoors for fear of aftershocks."],
    ];
    const distance = groupOf(compareTexts(docs).groups, 72);
    expect(distance.members.map((m) => m.figure)).toEqual(['72', '45']);
    expect(distance.members[1].quantity.low).toBeCloseTo(72.4, 1);
    expect(distance.unit).toBe(distance.members[0].quantity.unit);
    expect(distance.verdict).toBe('consistent');
    // The range that both allow, in the unit the group is shown in.
    expect(distance.reason).toMatch(/between 71\.6\d* and 72\.5\)/);
  });

  it('finds two reports of the same zero consistent', () => {
    const docs: Array<[string, string]> = [
      ['2023-09-09', 'Storm passes the islands\n\nThe storm caused 0 deaths on the islands, the coast guard said. Ferries resumed on Saturday.'],
      ['2023-09-09', 'Islands count the damage\n\nOfficials reported 0 deaths from the storm across the islands. Power returned to most homes by evening.'],
    ];
    const deaths = groupOf(compareTexts(docs).groups, 0);
    expect(deaths.verdict).toBe('consistent');
  });

  it('reads a lower bound far below a later count as a count that rose', () => {
    // Turkey, February 2023: buildings reported collapsed on the first day and the next.
    const docs: Array<[string, string]> = [
      ['2023-02-06', 'Earthquake flattens buildings in southern Turkey\n\nMore than 2,800 buildings collapsed across ten provinces, the vice president said. Rescuers in Gaziantep and Hatay searched the rubble through the night.'],
      ['2023-02-07', 'Turkey counts the damage\n\nIn all, 5,775 buildings collapsed across ten provinces, the disaster agency said. Rescuers in Gaziantep and Hatay kept searching the rubble.'],
    ];
    const collapsed = groupOf(compareTexts(docs).groups, 5775);
    expect(figures(collapsed)).toEqual([2800, 5775]);
    expect(collapsed.verdict).toBe('evolving');
  });
});

describe('a breakdown told in prose and in a table', () => {
  // After Marriott's 2018 breach: the company's figures in a report, and a breakdown printed as rows.
  const prose = [
    'Marriott cuts estimate of guests hit by data breach',
    '',
    'Marriott said on Friday that up to 383 million guest records were involved in the breach. About 5.25 million unencrypted passport numbers were stolen, along with 20.3 million encrypted passport numbers, the company said.',
  ].join('\n');
  const table = [
    'Marriott breach: what the hackers took',
    '',
    'The hotel group published a breakdown of the stolen data on Friday.',
    'Unencrypted passport number 5,250,000',
    'Encrypted passport number 20,300,000',
  ].join('\n');
  const { groups } = compareTexts([['2019-01-04', prose], ['2019-01-04', table]]);
  const find = (low: number) => groups.find((g) => g.members.some((m) => m.quantity.low === low))!;

  it('keeps the kinds of a thing apart and puts each row with the figure it repeats', () => {
    expect(figures(find(5_250_000))).toEqual([5_250_000, 5_250_000]);
    expect(figures(find(20_300_000))).toEqual([20_300_000, 20_300_000]);
    expect(find(5_250_000).verdict).toBe('consistent');
  });
});

describe('one value told again in other words', () => {
  // The Sewol ferry sinking off Jindo, April 2014: 172 people were rescued.
  const { groups } = compareTexts([
    ['2014-04-16', 'Sewol ferry sinks off Jindo with hundreds of students aboard\n\nThe Sewol ferry capsized off Jindo island on Wednesday morning with 476 people aboard, most of them students from Danwon High School in Ansan. By nightfall 172 people had been rescued from the ferry, the coast guard said.'],
    ['2014-04-17', 'Hopes fade for missing Sewol students\n\nThe Sewol ferry sank off Jindo island on Wednesday. In all, 172 survivors were brought ashore overnight, and the families of students from Danwon High School waited at the harbour.'],
    ['2014-04-18', 'Divers reach the hull of the Sewol\n\nDivers reached the hull of the Sewol ferry off Jindo island on Friday. Rescue boats pulled 172 people alive from the cold water in the first hours, among them 75 students of Danwon High School.'],
  ]);

  it('gathers a precise value said three ways in one group', () => {
    const rescued = groups.filter((g) => g.members.some((m) => m.quantity.low === 172));
    expect(rescued).toHaveLength(1);
    expect(rescued[0].members.map((m) => m.doc).sort()).toEqual(['d0', 'd1', 'd2']);
    expect(rescued[0].verdict).toBe('consistent');
  });
});

describe('shares held by parties, in prose and in a list of results', () => {
  // Australia's 2022 federal election: the primary vote on the night and in the final count.
  const { groups } = compareTexts([
    ['2022-05-22', 'Labor wins Australian federal election as Albanese ousts Morrison\n\nAnthony Albanese led Labor to victory in the Australian federal election on Saturday, ending nine years of Coalition government under Scott Morrison. Labor won 32.6% of the primary vote, against 35.7% for the Coalition and 12.3% for the Greens.'],
    ['2022-06-24', 'Final count of Australian federal election published\n\nThe electoral commission published the final figures of the Australian federal election won by Albanese on Friday, after Morrison conceded in May.\nPrimary vote: Coalition 35.7 percent, Labor 32.6 percent, Greens 12.3 percent.'],
  ]);

  it('puts each party\'s share with the same party\'s share told elsewhere, and no other', () => {
    for (const share of [32.6, 35.7, 12.3]) {
      const group = groups.find((g) => g.members.some((m) => m.quantity.low === share))!;
      expect(figures(group)).toEqual([share, share]);
    }
  });
});

describe('an election in two rounds, with polls before it', () => {
  // Turkey's presidential election of 2023: Erdogan 49.52% and Kilicdaroglu 44.88% in the first round on
  // 14 May, 52.18% and 47.82% in the run-off on 28 May; the polls had put Kilicdaroglu ahead.
  const { groups } = compareTexts([
    ['2023-05-15', 'Erdogan and Kilicdaroglu head for a run-off in Turkey\n\nPresident Recep Tayyip Erdogan won 49.52% of the vote in the first round of Turkey\'s presidential election on Sunday, short of the majority he needed, and Kemal Kilicdaroglu took 44.88%, the election board said. Pollster Konda had given Kilicdaroglu 49.3% in its last survey before the vote.'],
    ['2023-05-29', 'Erdogan beats Kilicdaroglu in Turkey\'s run-off\n\nErdogan won Sunday\'s run-off with 52.18% of the vote against 47.82% for Kilicdaroglu, the election board said, after taking 49.52% in the first round two weeks earlier. Kilicdaroglu called it the most unfair election in years.'],
    ['2023-06-01', 'Turkey\'s election board confirms Erdogan\'s run-off win over Kilicdaroglu\n\nThe official results gave Erdogan 52.18% in the run-off and Kilicdaroglu 47.82%, the board said on Thursday.'],
  ]);
  const find = (share: number) => groups.find((g) => g.members.some((m) => m.quantity.low === share))!;

  it('keeps each round, each candidate and the poll apart, and joins each result told again', () => {
    expect(figures(find(52.18))).toEqual([52.18, 52.18]);
    expect(figures(find(47.82))).toEqual([47.82, 47.82]);
    expect(figures(find(49.52))).toEqual([49.52, 49.52]);
    const ids = [find(52.18).id, find(47.82).id, find(49.52).id, find(44.88).id, find(49.3).id];
    expect(new Set(ids).size).toBe(5);
  });
});

describe('rates of change over different spans', () => {
  // Argentina's consumer prices in February 2023: 6.6% in the month, 102.5% on a year earlier.
  const { groups } = compareTexts([
    ['2023-03-14', "Argentina inflation passes 100% for the first time since 1991\n\nArgentina's consumer prices rose 6.6% in February from the month before, the Indec statistics institute said, and were up 102.5% year-on-year, the first annual rate above 100% since 1991."],
    ['2023-03-15', "Argentina's annual inflation tops 100%\n\nIndec said on Tuesday that inflation in Argentina reached 102.5% over the past year in February. Monthly inflation was 6.6%, above the 6% that analysts had expected."],
  ]);
  const find = (share: number) => groups.find((g) => g.members.some((m) => m.quantity.low === share))!;

  it('keeps the monthly rate apart from the yearly one, each told by both reports', () => {
    expect(figures(find(6.6))).toEqual([6.6, 6.6]);
    expect(find(6.6).id).not.toBe(find(102.5).id);
    expect(find(102.5).members.map((m) => m.doc).sort()).toEqual(expect.arrayContaining(['d0', 'd1']));
  });
});

describe('corroboration', () => {
  it('matches the same claim across documents and counts outlets citing one origin once', () => {
    const { corroborations } = compareClaims([input('convoy-cnn.txt'), input('convoy-bbc.txt'), input('convoy-local.txt')]);
    const convoy = corroborations.find((c) => c.members.some((m) => m.text.includes('crossed the border')))!;
    expect(convoy.members.map((m) => m.doc).sort()).toEqual(['convoy-bbc.txt', 'convoy-cnn.txt', 'convoy-local.txt']);
    expect(convoy.independentSources).toBe(2);
    expect(corroborations.some((c) => c.members.some((m) => m.text.includes('trenches')))).toBe(false);
  });
});

describe.skipIf(!existsSync(corpus))('sample articles in ../shared/corpus', () => {
  it('puts the troop figures in one conflicting group, and casualties and deserters in groups of their own', () => {
    const files = ['000_cb8d72b256956e0a.txt', '002_aa3b016887bfe7d3.txt'];
    const { groups } = compareClaims(files.map((f) => input(f, null, corpus)));
    const troops = groups.find((g) => g.members.some((m) => m.quantity.low === 11000))!;
    expect(figures(troops).sort()).toEqual([[25000, 30000], 11000, 3000, 3000].sort());
    expect(troops.verdict).toBe('conflicting');
    expect(troops.reason).toMatch(/disputes 3,000.*nowhere near 3,000.*about 3,000/);
    expect(troops.members.map((m) => m.figure)).toEqual(expect.arrayContaining(['well under 3,000', 'about 3,000', '11,000', '25,000–30,000']));
    const casualties = groups.find((g) => g.members.some((m) => m.quantity.low === 4000))!;
    const deserters = groups.find((g) => g.members.some((m) => m.quantity.low === 18))!;
    expect(figures(casualties)).toEqual([4000]);
    expect(figures(deserters)).toEqual([18]);
  });
});
if (!existsSync(corpus)) console.warn(`skipping sample-article comparison: ${corpus} is absent`);

describe('dossier compare', () => {
  it('prints the JSON contract with documents named as given', () => {
    const out = execFileSync(process.execPath, ['bin/dossier.mjs', 'compare', 'tests/fixtures/compare/plant-fire-day1.txt', 'tests/fixtures/compare/plant-fire-day3.txt', '--json'], { encoding: 'utf8' });
    const { groups } = JSON.parse(out) as { groups: Array<Record<string, unknown> & { members: Array<Record<string, unknown>> }> };
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      expect(Object.keys(g)).toEqual(expect.arrayContaining(['id', 'label', 'unit', 'verdict', 'reason', 'members']));
      for (const m of g.members) {
        expect(Object.keys(m)).toEqual(expect.arrayContaining(['doc', 'claimId', 'start', 'end', 'text', 'quantity', 'source', 'via']));
        expect(Object.keys(m.quantity as object)).toEqual(expect.arrayContaining(['low', 'high', 'approximate', 'bound']));
        expect(['tests/fixtures/compare/plant-fire-day1.txt', 'tests/fixtures/compare/plant-fire-day3.txt']).toContain(m.doc);
      }
    }
  });
});
