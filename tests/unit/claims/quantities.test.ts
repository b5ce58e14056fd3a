// Quantities: digits, number words, ranges, approximation and bound cues, units and counted nouns, vague
// amounts, and the numbers that are not quantities (years, dates, times, identifiers, pronoun "one").
import { describe, expect, it } from 'vitest';
import type { Quantity } from '../../../shared/types/claims.ts';
import { extractClaims } from '../../../electron/services/claims/engine.ts';
import { extractQuantities } from '../../../electron/services/claims/quantities.ts';
import { tokenize } from '../../../electron/services/claims/tokens.ts';

function quantities(text: string): Quantity[] {
  const set = extractClaims(text);
  const out = set.claims.flatMap((c) => c.quantities);
  for (const q of out) expect(text.slice(q.start, q.end)).toBe(q.text);
  return out;
}

const values = (text: string) => quantities(text).map((q) => [q.low, q.high]);

describe('numbers and number words', () => {
  it('reads digits with separators, decimals, currency and scale words', () => {
    const qs = quantities('The company hired 1,250 workers and spent $4.5 million on training.');
    expect(qs.map((q) => [q.text, q.low, q.unit])).toEqual([
      ['1,250', 1250, 'workers'],
      ['$4.5 million', 4_500_000, 'dollars'],
    ]);
  });

  it('reads percentages with % and "percent"', () => {
    const qs = quantities('Unemployment fell to 3.9% in May from 4.1 percent a year earlier.');
    expect(qs.map((q) => [q.low, q.unit])).toEqual([
      [3.9, 'percent'],
      [4.1, 'percent'],
    ]);
  });

  it('reads number words, compounds and "a dozen"/"a hundred"', () => {
    expect(values('Three hospitals and twenty-five thousand volunteers joined the relief effort.')).toEqual([
      [3, 3],
      [25_000, 25_000],
    ]);
    expect(values('A dozen schools closed and a hundred families were moved to shelters.')).toEqual([
      [12, 12],
      [100, 100],
    ]);
    expect(values('One hundred and twenty ballots were rejected.')).toEqual([[120, 120]]);
  });

  it('steps over an initialism to the counted noun', () => {
    expect(quantities('About 2,500 U.S. troops remain in the country.')[0]).toMatchObject({ low: 2500, approximate: true, unit: 'troops' });
  });

  it('reads durations as quantities', () => {
    const qs = quantities('The clinic must report new cases within 48 hours and keep records for three days, under an 18-month pilot.');
    expect(qs.map((q) => [q.low, q.unit])).toEqual([
      [48, 'hours'],
      [3, 'days'],
      [18, 'months'],
    ]);
  });
});

describe('ranges', () => {
  it('joins "X to Y", "between X and Y" and "X-Y" into one range', () => {
    for (const text of [
      'Organisers expect 18,000 to 22,000 visitors at the fair.',
      'Officials counted between 18,000 and 22,000 visitors.',
      'The fair drew 18,000-22,000 visitors.',
    ]) {
      const qs = quantities(text);
      expect(qs).toHaveLength(1);
      expect(qs[0]).toMatchObject({ low: 18_000, high: 22_000, bound: 'range', unit: 'visitors' });
    }
  });

  it('shares a scale word and a percent sign across the range', () => {
    expect(quantities('The deficit could reach 25 to 30 million euros.')[0]).toMatchObject({ low: 25_000_000, high: 30_000_000, bound: 'range' });
    expect(quantities('Rents climbed between 10% and 15% in the capital.')[0]).toMatchObject({ low: 10, high: 15, unit: 'percent' });
  });

  it('keeps a change "from X to Y" and a score as separate values', () => {
    expect(values('The jobless rate rose from 3.1% to 3.4% over the quarter.')).toEqual([
      [3.1, 3.1],
      [3.4, 3.4],
    ]);
    expect(values('The home side won the final 3-1 in extra time.')).toEqual([]);
  });
});

describe('approximation and bounds', () => {
  it.each([
    ['Around 4,000 homes lost power overnight.', 4000],
    ['Some 300 firefighters tackled the blaze.', 300],
    ['The village lies about 12 miles from the coast.', 12],
    ['Roughly 60 percent of voters backed the measure.', 60],
    ['Nearly 1,000 people signed the petition.', 1000],
    ['An estimated 2,500 cattle drowned in the floods.', 2500],
  ])('marks "%s" as approximate', (text, value) => {
    const [q] = quantities(text);
    expect(q).toMatchObject({ low: value, high: value, approximate: true, bound: 'exact' });
  });

  it.each([
    ['At least 17 people died in the landslide.', 'at-least'],
    ['More than 200 flights were cancelled.', 'at-least'],
    ['The strike could involve as many as 40 unions.', 'at-most'],
    ['Fares will rise by up to 15% next year.', 'at-most'],
    ['The rally drew nowhere near 5,000 people.', 'at-most'],
    ['Patients aged 65 or older can book a booster.', 'at-least'],
  ])('reads the bound of "%s"', (text, bound) => {
    expect(quantities(text)[0].bound).toBe(bound);
  });

  it('does not read "up to" after a verb of motion as a ceiling: the count went there', () => {
    expect(quantities('The number of people killed has gone up to 288, a railway official said.')[0].bound).toBe('exact');
    expect(quantities('The toll climbed up to 40 overnight.')[0].bound).toBe('exact');
    expect(quantities('Fares will rise by up to 15% next year.')[0].bound).toBe('at-most');
  });

  it('does not read the preposition "over" as a bound before durations or places', () => {
    expect(quantities('Prices rose over 12 months of turmoil.')[0].bound).toBe('exact');
    expect(quantities('Drones were shot down over eight regions.')[0].bound).toBe('exact');
  });
});

describe('vague amounts', () => {
  it.each([
    ['Several hundred protesters gathered outside parliament.', 300, 'several hundred'],
    ['Tens of thousands of people fled the fighting.', 10_000, 'tens of thousands'],
    ['Thousands of commuters were stranded at the terminal.', 1_000, 'thousands'],
    ['Hundreds of flights were grounded by the storm.', 100, 'hundreds'],
    ['Dozens of homes were flooded.', 12, 'dozens'],
  ])('gives "%s" only the least it implies (%d), as written, with no upper bound', (text, low, written) => {
    const [q] = quantities(text);
    expect(q).toMatchObject({ low, high: null, vague: true, bound: 'at-least' });
    expect(q.text.toLowerCase()).toBe(written);
  });
});

describe('ranges, compounds and units written together', () => {
  it('shares a scale and a currency across a hyphenated range', () => {
    expect(quantities('The refit is budgeted at $3.5bn-4.1bn over the decade.')[0]).toMatchObject({ low: 3.5e9, high: 4.1e9, bound: 'range', unit: 'dollars', canonicalUnit: { name: 'USD', dimension: 'currency' } });
  });
  it('reads a currency after a hyphen and a duration as a compound adjective', () => {
    expect(quantities('The lender booked a 450bn-yen charge.')[0]).toMatchObject({ low: 4.5e11, unit: 'yen', canonicalUnit: { name: 'JPY' } });
    expect(quantities('Staff began a nine-week walkout.')[0]).toMatchObject({ low: 9, high: 9, unit: 'weeks' });
  });
  it('reads age ranges and a value joined to its measure', () => {
    expect(quantities('Turnout among 25 to 34-year-olds rose.')[0]).toMatchObject({ low: 25, high: 34, bound: 'range' });
    expect(quantities('A magnitude-7.1 earthquake shook the coast.')[0]).toMatchObject({ low: 7.1, high: 7.1, unit: 'magnitude' });
  });
  it('keeps the whole in "two of the eleven"', () => {
    expect(values('The keeper saved two of the eleven penalties he faced.')).toEqual([[2, 2], [11, 11]]);
  });
  it('reads a span of days as a date, not a quantity', () => {
    expect(values('The summit runs 14-16 June in Vienna.')).toEqual([]);
    expect(values('The summit runs 14 to 16 June in Vienna.')).toEqual([]);
  });
  it('reads units glued to the number and currency codes', () => {
    expect(quantities('The tablet ships with 512GB of storage and a 120Hz screen.').map((q) => [q.low, q.canonicalUnit?.name, q.canonicalUnit?.dimension])).toEqual([
      [512, 'gigabyte', 'information'],
      [120, 'hertz', 'frequency'],
    ]);
    expect(quantities('The fund raised EUR25m and A$2bn.').map((q) => [q.low, q.canonicalUnit?.name])).toEqual([
      [25e6, 'EUR'],
      [2e9, 'AUD'],
    ]);
    // British papers write a percentage as "6.8pc".
    expect(quantities('Consumer prices were 6.8pc higher than a year earlier.').map((q) => [q.low, q.unit])).toEqual([[6.8, 'percent']]);
  });
  it('keeps the denominator of a rate', () => {
    const [oil, pay] = quantities('Brent settled at $82 per barrel while nurses earn £34,000 a year.');
    expect(oil).toMatchObject({ low: 82, unit: 'dollars', canonicalUnit: { name: 'USD', dimension: 'currency', per: 'barrel' } });
    expect(pay).toMatchObject({ low: 34_000, canonicalUnit: { name: 'GBP', per: 'year' } });
  });
  it('names abbreviated units through the units library', () => {
    const [power, economy] = quantities('The hatchback makes 180hp and returns 52mpg.');
    expect(power.canonicalUnit).toEqual({ name: 'horsepower', dimension: 'power' });
    expect(economy.canonicalUnit).toEqual({ name: 'mile per gallon', dimension: 'fuel economy' });
    expect(quantities('Exports reached 2.4m tonnes.')[0]).toMatchObject({ low: 2.4e6, unit: 'tonnes', canonicalUnit: { name: 'tonne', dimension: 'mass' } });
  });
  it('reads decimals without a leading zero and negative numbers', () => {
    expect(values('Yields moved by .002 per cent.')).toEqual([[0.002, 0.002]]);
    expect(values('The economy shrank, with growth at -0.4% and lows of -12C.')).toEqual([[-0.4, -0.4], [-12, -12]]);
  });
  it('leaves product names, indices and addresses out', () => {
    expect(values('Samsung launched the Galaxy S24 while the iPad 10 stayed on sale.')).toEqual([]);
    expect(values('The Nasdaq 100 and the FTSE 250 both fell.')).toEqual([]);
    expect(values('Protesters gathered outside 11 Downing Street.')).toEqual([]);
  });
  it('does not start a range at a year', () => {
    expect(values('Membership grew from 2015 to 4.2 million.')).toEqual([[4.2e6, 4.2e6]]);
  });
  it('gives the second figure of a change the unit written with the first', () => {
    expect(quantities('Operating profit climbed from £12m to 19m.').map((q) => [q.low, q.unit])).toEqual([
      [12e6, 'pounds'],
      [19e6, 'pounds'],
    ]);
  });
});

describe('numbers that are not quantities', () => {
  it('leaves out years, dates, times and ordinals', () => {
    expect(values('In 2019 the council approved the 2024 budget on March 3 at 6:45 p.m. for the third time.')).toEqual([]);
    expect(values('The hearing was moved from 3 March to Jan. 15, 2025.')).toEqual([]);
    expect(values('Polls open at 7 a.m. on the 5th of May.')).toEqual([]);
  });

  it('reads a share after a name in a list of results: identifiers carry no percent sign', () => {
    // The final primary vote of Australia's 2022 federal election.
    expect(values('Primary vote: Coalition 35.7 percent, Labor 32.6 percent, Greens 12.3%.')).toEqual([
      [35.7, 35.7],
      [32.6, 32.6],
      [12.3, 12.3],
    ]);
  });

  it('reads a scaled amount after a name in an elliptical list', () => {
    // The vote counts of Brazil's 2022 run-off.
    expect(values('Lula received 60.3 million votes and Bolsonaro 58.2 million.')).toEqual([
      [60_300_000, 60_300_000],
      [58_200_000, 58_200_000],
    ]);
  });

  it('reads a currency\'s hundredth as the currency', () => {
    // Tesla's adjusted earnings for the fourth quarter of 2023, against the consensus.
    const qs = quantities('Adjusted earnings came to 71 cents a share, against the 74 cents analysts expected.');
    expect(qs.map((q) => [q.text, q.low, q.unit])).toEqual([
      ['71 cents', 0.71, 'dollars'],
      ['74 cents', 0.74, 'dollars'],
    ]);
  });

  it('leaves out identifiers and report numbers', () => {
    expect(values('The Labor Department published report USDL-23-1021 this week.')).toEqual([]);
    expect(values('He lives at No. 10 and drives on Route 66 past the F-16 hangar.')).toEqual([]);
    expect(values('Resolution 2231 was adopted before the COVID-19 pandemic.')).toEqual([]);
    expect(values('Flight number 370 left Kuala Lumpur after midnight.')).toEqual([]);
  });

  it('counts a grouped number after "number" in a table row: identifiers carry no digit grouping', () => {
    const row = (text: string) => extractQuantities(text, tokenize(text), 0).quantities.map((q) => q.low);
    expect(row('Passport number 5,250,000')).toEqual([5250000]);
    expect(row('Passport number 5250')).toEqual([]);
  });

  it('treats "one" as a pronoun or indefinite and "a"/"an" as articles', () => {
    expect(values('One of the victims was a teacher.')).toEqual([]);
    expect(values('One official said the plan was dead.')).toEqual([]);
    expect(values('One person died and a man was arrested.')).toEqual([[1, 1]]);
  });

  it('leaves out anaphoric and time-reference numbers', () => {
    expect(values('The two countries signed the accord two weeks ago.')).toEqual([]);
    expect(values('Two countries signed the accord.')).toEqual([[2, 2]]);
  });

  it('keeps the numerator of a ratio only', () => {
    expect(quantities('Nine out of 10 residents backed the plan.').map((q) => [q.low, q.unit])).toEqual([[9, 'out of 10']]);
  });

  it('keeps a year-sized count of things', () => {
    expect(values('The army deployed 2000 soldiers to the border.')).toEqual([[2000, 2000]]);
  });
});

describe('quantities in context', () => {
  it('reads "the three months" as a duration and a bare "m" as millions in news copy', () => {
    expect(values('Sales rose in the three months to June.')).toEqual([[3, 3]]);
    expect(values('The bank now counts 4.1m affected accounts, up from the 1.6m it reported in March.')).toEqual([[4.1e6, 4.1e6], [1.6e6, 1.6e6]]);
    expect(quantities('She won the 100m sprint.')[0]).toMatchObject({ low: 100, unit: 'metres' });
  });
});
