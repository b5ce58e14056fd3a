// What a figure measures, read from its sentence: each phenomenon on sentences written for these tests
// after real reporting (an earthquake, a flood, a data breach, an election, a strike).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractClaims, normalizeText } from '../../../electron/services/claims/engine.ts';
import { isDeniedFigure, labelOf, measureOf, pollstersIn } from '../../../shared/compare/measure.ts';

function measure(sentence: string, figure: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = sentence.indexOf(figure, at + 1);
  return measureOf(sentence, { start: at, end: at + figure.length, quantityText: figure, unit: null });
}

describe('the event that qualifies a figure, in any grammatical form', () => {
  it('folds killed, died, deaths, death toll and fatalities into one measure', () => {
    const keys = [
      measure('The earthquake killed 230 people in the hills.', '230'),
      measure('At least 230 people were killed when the dam burst.', '230'),
      measure('The death toll rose to 312 on Monday, officials said.', '312'),
      measure('Rescuers recovered more bodies, bringing the toll to nearly 400.', '400'),
      measure('Police reported 41 fatalities after the storm.', '41'),
      measure('Sixty-one people died in the flooding, the ministry said.', 'Sixty-one'),
    ].map((m) => m.key);
    expect(new Set(keys)).toEqual(new Set(['count|death']));
  });

  it('folds the ways of saying how many took part in a gathering', () => {
    // Washington's Women's March, January 2017, as officials and crowd scientists put it.
    const keys = [
      measure('Some 500,000 people took part in the march in Washington, city officials said.', '500,000'),
      measure('Crowd scientists put the number of demonstrators at about 470,000.', '470,000'),
      measure('An estimated 470,000 people turned out in Washington.', '470,000'),
      measure('The march drew 500,000 people, organisers said.', '500,000'),
      measure('A crowd of about 500,000 filled the National Mall.', '500,000'),
    ].map((m) => m.key);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).not.toBe(measure('Turnout reached 66 percent of registered voters.', '66').key);
  });

  it('keys a measurement by the base unit of its dimension, whatever unit is written', () => {
    expect(measure('Workers must be given 60 days of notice.', '60').key).toBe(measure('Workers must be given 2 months of notice.', '2').key);
    expect(measure('The epicentre was 125 kilometres west of the capital.', '125').key).toBe(measure('The epicentre was 78 miles west of the capital.', '78').key);
    expect(measure('The epicentre was 125 km west of the capital.', '125').unitScale).toBe(1000);
  });

  it('reads a forecast the verb governs from a few words back, and a span of months as no area', () => {
    // Netflix, April 2022: 200,000 subscribers lost in the first quarter, 2 million more expected in the second.
    const forecast = measure('The company also warned of a further loss of 2 million subscribers in the April-June quarter.', '2 million');
    expect(forecast.expected).toBe(true);
    expect(forecast.subject).toBeNull();
    expect(measure('Netflix lost 200,000 subscribers in the first quarter.', '200,000').expected).toBe(false);
  });

  it('lets no forecast or change cue reach across a comma or a coordinated clause', () => {
    expect(measure('Analysts had expected a loss, but Netflix added 2 million subscribers.', '2 million').expected).toBe(false);
    expect(measure('Shares rose on Monday, and the company employs 3,000 people.', '3,000').moved).toBe(false);
  });

  it('takes the concept named before "of" over a participle inside the noun phrase', () => {
    const paid = measure('It is projecting a loss of 2 million paid subscribers in the second quarter.', '2 million');
    expect(paid.event).toBe('loss');
    expect(paid.key).toBe(measure('Netflix lost 200,000 subscribers in the first quarter.', '200,000').key);
  });

  it('reads "one in seven" as a proportion, not a count of seven', () => {
    expect(measure('About 1.03 million people took part, close to one in seven residents of a city of 7.48 million.', 'seven').dimension).toBe('proportion');
  });

  it('reads a unit written against its number', () => {
    expect(measure('The march set off in a temperature of 28°C.', '28°C').dimension).toBe('temperature');
  });

  it('keeps deaths, injuries, the missing and the displaced apart', () => {
    const key = (s: string, f: string) => measure(s, f).key;
    const keys = [
      key('The blast killed 14 workers.', '14'),
      key('The blast injured more than 900 people across the district.', '900'),
      key('Some 366 people are still missing.', '366'),
      key('About 8,000 residents were evacuated from the valley.', '8,000'),
    ];
    expect(new Set(keys).size).toBe(4);
  });

  it('reads the counted thing and keeps things apart from people', () => {
    expect(measure('The quake damaged 8,000 houses in two districts.', '8,000').key).toBe('count|damaged|house');
    expect(measure('Some 12,086 email addresses were taken.', '12,086').head).toBe(measure('Email address 12,086', '12,086').head);
    expect(measure('The hackers took 29,188 driving licence numbers.', '29,188').key).not.toBe(measure('About 700,000 telephone numbers were taken.', '700,000').key);
  });

  it('ends the counted thing before its examples, and names a table row of any length by its label', () => {
    const listed = 'Marriott said that of up to 383 million guest records, about 5.25 million held unencrypted passport numbers, 20.3 million encrypted passport numbers, and 8.6 million other payment details such as card numbers.';
    expect(measure(listed, '8.6 million').head).toBe('detail');
    const row = measure('Guest records with names, addresses and encrypted passport numbers 20.3 million', '20.3 million');
    expect(row.head).toBe('number');
    expect(row.modifiers).toContain('passport');
    // A participle outside the concepts names a kind of the thing, kept out of the key.
    expect(measure(listed, '20.3 million').kind).toBe('encrypted');
    expect(measure('About 5.25 million unencrypted passport numbers were stolen.', '5.25 million').kind).toBe('unencrypted');
    expect(measure('About 4,500 cancelled flights left travellers stranded.', '4,500').key).toBe(measure('Airlines said 4,200 flights were cancelled.', '4,200').key);
    // A sentence that ends in its figure is no row: its words before the figure are not a label.
    expect(measure('The hotel group later told investors in a filing that the figure for unencrypted passports was 5.25 million.', '5.25 million').head).toBeNull();
  });

  it('counts a part in its whole\'s noun, and the whole by its noun alone', () => {
    // After the 2010 Chile earthquake: about 2 million of some 17 million Chileans were affected.
    const sentence = "About 2 million of the country's roughly 17 million people were affected by the quake, the government said.";
    expect(measure(sentence, '2 million').key).toBe('count|affected');
    expect(measure(sentence, '17 million').key).toBe('count|people');
    // A number glued to letters names a model: "79 of the MAX 9s" counts jets, not "s".
    expect(measure('United, which operates 79 of the MAX 9s, cancelled dozens of flights.', '79').head).toBe('max');
  });

  it('gives a bare number the meaning of its clause or of the figure before it', () => {
    expect(measure('They counted close to 1,200 dead after the landslide, rescuers said.', '1,200').key).toBe('count|death');
    expect(measure('The army is preparing more troops, adding to the 11,000 sent in November.', '11,000').key).toBe('count|troops');
  });
});

describe('units carry meaning', () => {
  it('tells money, percent, durations and magnitudes from counts', () => {
    expect(measure('Damage is put at $4.5bn of losses.', '$4.5bn').dimension).toBe('money');
    expect(measure('Turnout fell to 78.2% this year.', '78.2%').dimension).toBe('percent');
    expect(measure('The window lasted 42 days after landfall.', '42').dimension).toBe('duration');
    expect(measure('A magnitude 6.4 quake hit the coast.', '6.4').dimension).toBe('magnitude');
    expect(measure('The survey found 95 percent of customers without power.', '95').key).not.toBe(measure('There is a 95 percent likelihood that the toll was higher.', '95').key);
  });

  it('takes neither a verb of change nor the unit of a rate for the thing counted', () => {
    // West Africa's Ebola outbreak, autumn 2014.
    expect(measure('Ebola toll passes 5,000', '5,000').key).toBe('count|death');
    expect(measure('New infections could run at between 5,000 and 10,000 a week by December.', '5,000 and 10,000').head).toBeNull();
  });

  it('makes a rate its own measure', () => {
    expect(measure('The registry counted 82 deaths a day before the storm.', '82').rate).toBe('day');
    expect(measure('The registry counted 82 deaths a day before the storm.', '82').key).not.toBe(measure('The storm killed 82 people.', '82').key);
    expect(measure('The blockage held up trade worth $400 million for every hour the ship stayed stuck.', '$400 million').rate).toBe('hour');
  });
});

describe('scope and role', () => {
  it('reads the country a figure counts, from demonyms, codes and "in X"', () => {
    expect(measure('About 8,000 Canadians were affected by the breach.', '8,000').places).toEqual(['CA']);
    expect(measure('Fewer than 400,000 U.K. residents were affected.', '400,000').places).toEqual(['GB']);
    expect(measure('The flood killed 72 people in India and 25 in Nepal.', '72').places).toEqual(['IN']);
    expect(measure('The flood killed 72 people in India and 25 in Nepal.', '25').places).toEqual(['NP']);
  });

  it('reads a group said of a figure that opens its clause as a part of those counted before', () => {
    // The Sewol ferry, 2014: of the 304 dead, 250 were students of Danwon High School.
    const sentence = 'Of the 304 victims, 250 were students and 11 were teachers.';
    expect(measure(sentence, '250').key).toBe('count|death|student');
    expect(measure('Most of the victims were on the lower decks, and at least 250 were students.', '250').key).toBe('count|death|student');
  });

  it('takes no scope from where a source is based', () => {
    // Iran Human Rights, an Oslo-based group, counted at least 448 dead by late November 2022.
    const based = measure('Iran Human Rights, based in Oslo, said at least 448 people had been killed by security forces.', '448');
    expect(based.subject).toBeNull();
    expect(based.places).toEqual([]);
  });

  it('tells deliveries, production and sales apart, and reads an amount the clause\'s subject moved to', () => {
    // Tesla's fourth quarter of 2023: 484,507 vehicles delivered, 494,989 produced; BYD sold 526,409.
    const sentence = 'Tesla built 494,989 vehicles in the quarter and delivered 484,507.';
    expect(measure(sentence, '494,989').key).toBe('count|production|vehicle');
    expect(measure(sentence, '484,507').key).toBe('count|delivery');
    expect(measure('BYD sold 526,409 battery-electric cars in the quarter.', '526,409').key).toMatch(/^count\|sale/);
    expect(measure('Across the year, deliveries climbed 38% to 1.81 million.', '1.81 million').key).toBe('count|delivery');
  });

  it('learns pollsters from their polls, not from a standing in the polls', () => {
    // Brazil's 2022 campaign: Datafolha's and Quaest's polls, and the candidates' standing in them.
    const text = "Datafolha's last poll gave Lula 50%. Bolsonaro's poll numbers improved. A Quaest poll agreed. Lula Leads, Say Pollsters";
    expect([...pollstersIn(text)].sort()).toEqual(['datafolha', 'quaest']);
  });

  it('keeps a span word that qualifies a sum of money', () => {
    // Only a share's span is read as its window; "annual revenue" is still revenue a year.
    expect(measure('The company reported $5 billion in annual revenue.', '$5 billion').key).not.toBe(measure('The company reported $5 billion in revenue.', '$5 billion').key);
  });

  it('reads the span a rate of change covers', () => {
    // Argentina's consumer prices in February 2023: 6.6% in the month, 102.5% on a year earlier, 13.1% since January.
    const spans: Array<[sentence: string, figure: string, window: string | null]> = [
      ['Consumer prices were 102.5% higher in February than a year earlier, Indec said.', '102.5%', 'year'],
      ['Prices rose 6.6% month-on-month in February.', '6.6%', 'month'],
      ['Prices are up 13.1% since the beginning of the year.', '13.1%', 'year-to-date'],
      ['Prices may not rise more than 4% a month.', '4%', 'month'],
      ['About 40% of Argentines live in poverty.', '40%', null],
    ];
    expect(spans.map(([sentence, figure]) => measure(sentence, figure).window)).toEqual(spans.map(([, , window]) => window));
    expect(measure('Prices rose 160.9% year-on-year.', '160.9%').head).toBeNull();
  });

  it('reads a place named after its kind, and another event past a reading in its when-clause', () => {
    // The Noto earthquake of 1 January 2024, and the Kumamoto earthquakes of 2016 it was measured against.
    expect(measure('Of the dead, 98 were in the city of Suzu, 83 in Wajima and 20 in Anamizu.', '98').subject).toBe('suzu');
    expect(measure("It was Japan's deadliest quake since 2016, when a magnitude 7.3 earthquake in Kumamoto killed more than 220 people.", '220').year).toBe(2016);
  });

  it('reads the round of a contest and an opinion poll around a figure', () => {
    // Turkey's presidential election of 2023 and Brazil's of 2022.
    expect(measure('Erdogan took 49.5% in the first round on May 14, short of a majority.', '49.5%').stage).toBe(1);
    expect(measure('Erdogan won the May 28 runoff with 52.2% of the vote.', '52.2%').stage).toBe(2);
    expect(measure('Erdogan won 52.2% of the vote.', '52.2%').stage).toBeNull();
    expect(measure('The exit poll had projected 13 seats for Reform.', '13').poll).toBe(true);
    expect(measure('Turnout was about 60% when the exit polls closed at 10 pm.', '60%').poll).toBe(false);
    expect(measure('Lula took 48.4% of the valid votes, more than the 2 points pollsters had allowed for error.', '48.4%').poll).toBe(false);
    // "to Bolsonaro's 43.2%": the name that owns the very figure is its only subject.
    expect(measure('Lula finished first with 48.4% of the valid votes to Bolsonaro\'s 43.2%.', '43.2%').subject).toBe('bolsonaro');
  });

  it('reads where a figure lies from its clause: possessives, lists, described areas, clause subjects', () => {
    expect(measure("Chile's own count of the dead rose to 723 on Monday.", '723').places).toEqual(['CL']);
    expect(measure('Deaths passed 230,000 across Indonesia, Sri Lanka and India.', '230,000').places.sort()).toEqual(['ID', 'IN', 'LK']);
    expect(measure('The northern region reports 61 dead and the coastal region 140.', '61').subject).toBe('northern region');
    expect(measure('The northern region reports 61 dead and the coastal region 140.', '140').subject).toBe('coastal region');
    expect(measure('Guinea now has the most cases, 3,100, while Liberia has recorded the most deaths, 4,800.', '4,800').places).toEqual(['LR']);
    expect(measure('Guinea now has the most cases, 3,100, while Liberia has recorded the most deaths, 4,800.', '3,100').places).toEqual(['GN']);
    expect(measure('On Mount Kinabalu, 18 climbers were killed by falling rocks.', '18').subject).toBe('mount kinabalu');
    // The rest of the world is an area of its own; a relative clause may stand between a name and its figure.
    expect(measure('Five people have died in other states, among them Texas and Ohio.', 'Five').subject).toBe('other state');
    expect(measure('Kenya has reported about 2,100 cases and Uganda, where the outbreak began, 340.', '340').places).toEqual(['UG']);
    // A name's common words are part of it when capitalised: a party called "First", a row label.
    expect(measure('Sinn Féin: 27 seats, Democratic Unionist Party: 25 seats, Alliance: 17.', '27').subject).toBe('sinn féin');
    expect(measure('NZ First: 6.08 percent, 8 seats', '6.08 percent').subject).toBe('nz first');
    expect(measure("With 59 seats between them, the pair need New Zealand First's eight seats.", 'eight').subject).toBe('new zealand first');
  });

  it('reads the turnout of a gathering however it is said, and a whole-country adverb as no noun', () => {
    expect(measure("At least 1.7 million people joined Sunday's rally in Victoria Park.", '1.7 million').event).toBe('attendance');
    expect(measure('Police said 128,000 were present at the rally.', '128,000').event).toBe('attendance');
    expect(measure('The union claimed 3.5 million marchers nationwide.', '3.5 million').key).toBe(measure('The ministry counted 1.28 million marchers.', '1.28 million').key);
    expect(measure('Cirium counted 3,861 cancelled flights worldwide.', '3,861').head).toBe('flight');
    // A month is no march; and a counter that "claimed" marchers only says so.
    expect(measure('The service lost 200,000 subscribers between January and March.', '200,000').event).not.toBe('attendance');
    expect(measure('The union claimed 3.5 million marchers nationwide.', '3.5 million').subject).toBeNull();
  });

  it('scopes a count by the named doer of its deed, but not by an institution doing its office', () => {
    expect(measure('Qantas grounded 42 planes on Monday.', '42').subject).toBe('qantas');
    expect(measure('Southwest said it grounded 120 planes.', '120').subject).toBe('southwest');
    expect(measure('Police detained 312 people overnight.', '312').subject).toBeNull();
    expect(measure('Rebuilding Lahaina will cost an estimated $5.5 billion.', '$5.5 billion').subject).toBeNull();
    // Who says a figure is not who did the deed: only the pronoun after "said" takes up the speaker.
    expect(measure('Qantas said 42 planes were grounded.', '42').subject).toBeNull();
  });

  it('reads an area the clause points back to, a name\'s own count however far its verb, and qualifiers joined by "and"', () => {
    expect(measure('Buncombe County Sheriff Quentin Miller said 57 people had died in his county.', '57').subject).toBe('buncombe county');
    expect(measure('The county now counts 72 deaths.', '72').areaRef).toBe('county');
    expect(measure('The county of Kerry reported 12 deaths.', '12').areaRef).toBeNull();
    expect(measure("Buncombe County's storm death count climbs to 72", '72').subject).toBe('buncombe county');
    expect(measure('Charlotte County has now recorded 24 deaths.', '24').subject).toBe('charlotte county');
    expect(measure('Police are investigating the theft of data on 9.7 million current and former customers.', '9.7 million').head).toBe('person');
    expect(measure('At least 300 soldiers and civilians were killed.', '300').head).not.toBe('civilian');
  });

  it('places a figure by a direction before a country, a participle\'s main clause, a where-clause and "at"', () => {
    // Hurricane Ian, 2022, Storm Daniel, 2023, Hurricane Helene, 2024, the Kakhovka dam, 2023.
    expect(measure('Hurricane Ian swept across western Cuba, killing two people.', 'two').places).toEqual(['CU']);
    expect(measure('The storm then moved through northern Greece, killing 16 people.', '16').places).toEqual(['GR']);
    expect(measure('Rescuers reached Buncombe County, where at least 72 people died.', '72').subject).toBe('buncombe county');
    expect(measure('The level at Nikopol fell to 9.04 metres.', '9.04 metres').subject).toBe('nikopol');
    // A name inside the phrase scopes people and deaths, but a name before a thing is as often its kind.
    expect(measure('The count leaves out six Buncombe County deaths ruled unrelated to the storm.', 'six').subject).toBe('buncombe county');
    expect(measure('The update crashed 8.5 million Windows devices.', '8.5 million').subject).toBeNull();
    expect(measure('Fire death toll on Hawaii\'s Maui jumps to 36', '36').subject).toBeNull();
    // A counter's tally, a speaker's place, a plural common noun opening the sentence, two nouns joined: no scope.
    expect(measure("CNN's tally puts the death toll at 300.", '300').subject).toBeNull();
    expect(measure('Zelensky spoke in Kyiv on Monday, saying 12 people had died.', '12').subject).toBeNull();
    expect(measure('Airlines cancelled 2,100 flights on Wednesday.', '2,100').subject).toBeNull();
    expect(measure('At least 40 soldiers and police officers were killed.', '40').key).toBe('count|troops');
    expect(measure("In the eastern district's hospitals, 40 people died.", '40').subject).toBe('eastern district');
    // Many areas of a country are the country: no area of their own.
    expect(measure("A million people marched through the country's towns and cities.", 'A million').subject).toBeNull();
  });

  it('counts a part of the dead by what was done to them, or the thing of theirs counted', () => {
    expect(measure('Only three of the dead have been publicly identified so far.', 'three').event).toBe('identified');
    expect(measure('At least 700 of the bodies have been buried.', '700').event).toBe('buried');
    expect(measure('So far police have released the names of 55 victims.', '55').event).toBe('name');
    expect(measure('At least 230 people were killed.', '230').event).toBe('death');
    expect(measure('The death toll of 300 is expected to rise.', '300').event).toBe('death');
    expect(measure('A total of 55 people died.', '55').event).toBe('death');
  });

  it('places a share given as "of them in", and reads "the capital" as a place of its own', () => {
    expect(measure('The first day brought out 1.12 million demonstrators nationwide, 80,000 of them in Paris.', '80,000').subject).toBe('paris');
    expect(measure('The union claimed 3.5 million marchers, 800,000 of them in the capital.', '800,000').subject).toBe('capital');
    expect(measure('There were 4,447 deaths, almost all of them in Guinea.', '4,447').places).toEqual([]);
    expect(measure('France: 1.28 million protest pension reform by official count', '1.28 million').places).toEqual(['FR']);
    expect(measure('Turnout fell away: 757,000 on 7 February and 450,000 on 16 February.', '757,000').subject).toBeNull();
    expect(measure('Minister: 457 arrests, 441 officers injured as protests turn violent', '457').subject).toBeNull();
  });

  it('reads what was done to those a bare figure counts, and a speed in km/h as a speed', () => {
    expect(measure('Of them, 793 have been discharged and 382 are still being treated.', '793').event).toBe('discharged');
    expect(measure('Of the dead, 193 bodies were brought to Bhubaneswar.', '193').event).toBe('brought');
    expect(measure('The toll was revised to 275.', '275').event).toBe('death');
    const at = 'The other express was going past at 126 km/h.'.indexOf('126');
    expect(measureOf('The other express was going past at 126 km/h.', { start: at, end: at + 3, quantityText: '126', unit: 'km/h' }).dimension).toBe('speed');
  });

  it('reads a rate or share by the subject that moved to it or stood at it', () => {
    expect(measure('The unemployment rate climbed to 4.3% in July from 4.1% in June.', '4.3%').head).toBe('unemployment');
    expect(measure('Unemployment jumped to 4.3%, its highest reading since October 2021.', '4.3%').key).toBe(measure('The unemployment rate climbed to 4.3% in July.', '4.3%').key);
    expect(measure('The jobless rate edged down to 4.1%.', '4.1%').head).toBe('jobless');
    expect(measure('Goldman Sachs cut the odds of a recession to 20%.', '20%').head).not.toBe('unemployment');
  });

  it('does not take a share of a figure, or a source, for its scope', () => {
    expect(measure('The agency had confirmed 310 deaths, most of them in Valparaiso.', '310').subject).toBeNull();
    expect(measure('Officials at the agency said 310 people had died.', '310').subject).toBeNull();
    expect(measure('Samsung said 4,000 phones were recalled.', '4,000').subject).toBeNull();
  });

  it('tells a forecast and an earlier period from the figure itself', () => {
    expect(measure('Analysts had expected the airline to carry 4.1 million passengers.', '4.1 million').expected).toBe(true);
    expect(measure('Turnout was higher than expected: 1.2 million voters.', '1.2 million').expected).toBe(false);
    expect(measure('A year earlier the airline had carried 3.6 million passengers.', '3.6 million').prior).toBe(true);
    expect(measure('The airline carried 3.9 million passengers.', '3.9 million').prior).toBe(false);
  });

  it('gives each figure of a list its own year, and a coordinated subject its joint figure', () => {
    expect(measure('Turnout was 61.2%, down from 66.1% in 2019 and 68.8% in 2017.', '61.2%').year).toBeNull();
    expect(measure('Turnout was 61.2%, down from 66.1% in 2019 and 68.8% in 2017.', '66.1%').year).toBe(2019);
    expect(measure('Turnout was 61.2%, down from 66.1% in 2019 and 68.8% in 2017.', '68.8%').year).toBe(2017);
    expect(measure('Together the Liberals and the Greens hold 172 seats.', '172').subject).toBe('liberals+greens');
    expect(measure('Fianna Fail and Fine Gael together hold 86 seats.', '86').subject).toBe('fianna fail+fine gael');
  });

  it('keys a measurement by its noun, not by what the clause says happened', () => {
    // Morocco, September 2023: outlets call the one event a quake or an earthquake.
    const main = [
      measure('The magnitude-6.8 quake that struck on Friday killed 2,960 people.', '6.8'),
      measure('The magnitude 6.8 earthquake struck the High Atlas late on Friday.', '6.8'),
      measure('Seismologists gave the quake a magnitude of 6.8.', '6.8'),
    ].map((m) => m.key);
    expect(new Set(main)).toEqual(new Set(['magnitude|magnitude|']));
    expect(measure('A 5.9-magnitude aftershock followed.', '5.9').key).not.toBe(main[0]);
  });

  it('moves no measurement by a cue that governs another noun, and takes no day for its owner', () => {
    const sentence = "Officials raised the death toll from Friday's magnitude-6.8 earthquake to 2,012 on Saturday.";
    expect(measure(sentence, '6.8')).toMatchObject({ moved: false, subject: null });
    expect(measure('Officials raised the death toll from the earthquake to 2,012 on Saturday.', '2,012').moved).toBe(true);
    expect(measure("Saturday's magnitude-6.8 earthquake had killed 2,497 people by Monday.", '6.8').earlier).toBe(false);
    expect(measure("Today's 3,000 marchers filled the square.", '3,000').subject).toBeNull();
    expect(measure("The Sun's 1.2 million readers wrote in.", '1.2 million').subject).toBe('sun');
    // Amounts and shares are not readings: a cue before them still moves them.
    expect(measure('Insurers raised their estimate of insured losses to $4 billion.', '$4 billion').moved).toBe(true);
  });

  it('reads the bar a count clears as a threshold, not a reading', () => {
    // Nepal, May 2015: the aftershocks counted by the strength they passed.
    expect(measure('Seismologists counted more than 300 aftershocks, all of them above magnitude 4.', '4').threshold).toBe(true);
    expect(measure('The survey put the quake at magnitude 7.8.', '7.8').threshold).toBe(false);
    // A year, a day or another reading before the verb is no count clearing a bar.
    expect(measure('In 2021, floodwaters exceeded 7 metres.', '7 metres').threshold).toBe(false);
    expect(measure('On 10 September the water rose above 7 metres.', '7 metres').threshold).toBe(false);
    expect(measure('The storm dropped 414 millimetres of rain as gusts topped 80 km/h.', '80').threshold).toBe(false);
  });

  it('reads synonyms of the thing counted as one noun', () => {
    // Haiti, August 2021: outlets counted the same destroyed homes as "homes" and as "houses".
    expect(measure('More than 60,000 homes were destroyed, the agency said.', '60,000').key).toBe(measure('The agency listed 52,953 houses destroyed.', '52,953').key);
    expect(measure('By Sunday, 369 vessels were waiting to enter the canal.', '369').key).toBe(measure('By Sunday night, 453 ships were waiting to pass.', '453').key);
    expect(measure('Some 400 ships were waiting.', '400').key).not.toBe(measure('Some 400 containers were waiting.', '400').key);
  });

  it('reads a population from "home to", past the words that qualify the amount', () => {
    // Derna, Libya, September 2023: outlets gave the city's population differently.
    expect(measure('In Derna, a port thought to be home to at least 120,000 people, whole streets were swept away.', '120,000').key).toBe('count|population');
    expect(measure('Derna is home to at least 120,000 people.', '120,000').key).toBe('count|population');
    expect(labelOf(measure('Derna is home to at least 120,000 people.', '120,000'))).toBe('home to people');
    expect(measure('Reuters put the population at around 125,000.', '125,000').key).toBe('count|population');
  });

  it('reads an amount "worth" or "valued at" as the value of the thing named before it', () => {
    // The Ever Given's cargo, March 2021, valued differently by its owners and by the canal authority.
    expect(measure('The cargo aboard the ship was estimated to be worth about $3.5 billion.', '$3.5 billion').key).toBe('money|cargo|');
    expect(measure('None of the cargo, worth $775 million, has been unloaded.', '$775 million').key).toBe('money|cargo|');
    expect(measure('The start-up was valued at $2 billion.', '$2 billion').head).toBe('start-up');
    // "due to" ends the thing valued: Hurricane Maria's damage, 2017, put at $90 billion and at $100 billion.
    expect(measure('The island suffered more than $90 billion worth of damages due to the storm.', '$90 billion').key).toBe(measure('The hurricane caused an estimated $100 billion in damage.', '$100 billion').key);
  });

  it('takes sales units and company divisions for no troops', () => {
    // Apple's quarter to December 2014.
    expect(measure('Apple sold 74.5 million units in the quarter.', '74.5 million').key).not.toMatch(/troops/);
    expect(measure('About 2,000 troops were sent to the border.', '2,000').key).toBe('count|troops');
  });

  it('reads an earlier state from the past perfect around a figure and a relative clause from its year', () => {
    expect(measure('The toll rose to 2,012, more than double the 820 it had announced the day before.', '820').earlier).toBe(true);
    expect(measure('The toll rose to 2,012, more than double the 820 it had announced the day before.', '2,012').earlier).toBe(false);
    expect(measure('It recalls the 1960 quake, which killed over 1,600 people and injured 3,000.', '3,000').year).toBe(1960);
  });

  it('reads the subject of each row of a list in one sentence, and across a parenthesis', () => {
    const rows = 'The Liberals have 32.6% and 160 seats, the Conservatives 33.7% and 119 seats, New Democrats 17.8% and 25 seats.';
    expect(measure(rows, '119').subject).toBe('conservatives');
    expect(measure(rows, '25').subject).toBe('new democrats');
    expect(measure('Labor has 4,776,030 votes (32.58%) and 77 seats.', '32.58%').subject).toBe('labor');
  });

  it('does not read reported speech, a relative clause or a base of change as another time', () => {
    expect(measure('Police said the storm had killed 12 people.', '12').earlier).toBe(false);
    expect(measure('The ministry, which had warned of floods, said 300 people died.', '300').earlier).toBe(false);
    expect(measure('Revenue climbed to $7.3 billion from the prior quarter.', '$7.3 billion').prior).toBe(false);
    expect(measure('As expected, the company cut 3,000 jobs.', '3,000').expected).toBe(false);
    expect(measure('The health department reported 40 new cases.', '40').subject).toBeNull();
    expect(measure('The Sud department accounts for most of the dead, at least 1,597.', '1,597').subject).toBe('sud');
  });

  it('reads the apposition and the reporting official around a scope', () => {
    expect(measure('By province, the southern province, the capital included, accounts for 410 of the dead.', '410').subject).toBe('southern province');
    expect(measure('Ana Ruiz, the mayor in Chimbote, said 57 people had died.', '57').subject).toBe('chimbote');
  });

  it('names a measure by the noun before "of", before any concept further back', () => {
    expect(measure('Some 2 million people were displaced in a country of about 17 million.', '17 million').key).toBe('count|country');
    expect(measure('The survey gives the tremor a magnitude of 6.2, below its first reading of 6.4.', '6.2').dimension).toBe('magnitude');
  });

  it('reads a named subject: a row label, a list entry, a district', () => {
    expect(measure('Labour: 26.91 percent, 34 seats', '34').subject).toBe('labour');
    expect(measure('National won 48 seats and Labour 34.', '34').subject).toBe('labour');
    expect(measure('In Sindhupalchowk district the toll reached 2,838.', '2,838').subject).toBe('sindhupalchowk');
  });

  it('marks another year, increments, denials, changes and earlier values', () => {
    expect(measure('As many as 1,800 people died in 2005 when the levees broke.', '1,800').year).toBe(2005);
    expect(measure('The company said another 2.5 million customers were affected.', '2.5 million').increment).toBe(true);
    expect(measure('The company raised its estimate by 2.5 million, to 145.5 million.', '2.5 million').increment).toBe(true);
    expect(measure('He said it was absolutely nowhere near 3,000.', '3,000').denied).toBe(true);
    expect(measure('The toll was initially put at 143 people.', '143').earlier).toBe(true);
    expect(measure('The government raised the toll from 64 to nearly 3,000.', '64').earlier).toBe(true);
    expect(measure('There were 1,052 more deaths than usual across the island.', '1,052').increment).toBe(false);
    // "first" dates a figure only as a report's word ("first reported"), not as an ordinal.
    expect(measure('The Red Crescent first reported 150 dead in Derna.', '150').earlier).toBe(true);
    expect(measure('The first to give way was the upper dam, 13 kilometres from the city.', '13').earlier).toBe(false);
  });

  it('reads no name in a number cue that opens the sentence', () => {
    expect(measure('Nearly 2 million people took part in the march, organisers said.', '2 million').subject).toBeNull();
    expect(measure('More than 300 people were hurt, officials said.', '300').subject).toBeNull();
  });

  it('dates a long when-clause by the year it hangs from', () => {
    const m = measure('The network last lost viewers on this scale in 2011, when a plan to split its streaming and disc rental services cost it 800,000 subscribers.', '800,000');
    expect(m.year).toBe(2011);
    expect(measure('Since 2011, when it split its streaming and disc services, the network has added 150 million subscribers.', '150 million').year).toBeNull();
  });

  it('tells a figure of another event the text points back to', () => {
    const back = measure('Officials hope the final count stays far below the roughly 220,000 deaths in that earlier disaster.', '220,000');
    expect(back.otherEvent).toBe(true);
    expect(measure('In the previous quake, about 220,000 people died.', '220,000').otherEvent).toBe(true);
    // An earlier figure of the same series is no other event, nor is a figure compared with another event.
    expect(measure('Its previous figure, given on Wednesday, had been 2,189.', '2,189').otherEvent).toBe(false);
    expect(measure('The quake killed at least 2,500 people, far more than the previous quake, police said.', '2,500').otherEvent).toBe(false);
    expect(measure('The earlier quake killed more than 8,000.', '8,000').otherEvent).toBe(true);
  });

  it('tells an estimate from a count of record', () => {
    expect(measure('A study by researchers estimated 4,645 excess deaths.', '4,645').estimate).toBe(true);
    expect(measure('The official death toll stood at 64.', '64').estimate).toBe(false);
    expect(measure('The official death toll stood at 64.', '64').official).toBe(true);
  });

  it('skips figures asked as questions', () => {
    expect(measure('Did the toll pass 1,000?', '1,000').question).toBe(true);
  });
});

describe('disputed figures at a glance', () => {
  it('tells a disputed figure as the full reading does, on every figure of the test stories', () => {
    const stories = join(process.cwd(), 'tests', 'unit', 'compare', 'fixtures', 'stories');
    let figures = 0;
    let denied = 0;
    const texts = readdirSync(stories).flatMap((story) => readdirSync(join(stories, story)).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(stories, story, f), 'utf8')));
    // And denials of each form, after real disputes over tolls and crowds.
    texts.push('The president said the toll was nowhere near 3,000. The governor denied that 4,645 people had died. Police dismissed the organisers\' count of 1.7 million as false. The true number was far fewer than 10,000, the ministry said.');
    for (const text of texts) {
      for (const claim of extractClaims(normalizeText(text)).claims) {
        for (const q of claim.quantities) {
          const figure = { start: q.start - claim.start, end: q.end - claim.start, quantityText: q.text, unit: q.unit };
          const full = measureOf(claim.text, figure).denied;
          expect(isDeniedFigure(claim.text, figure), claim.text).toBe(full);
          figures++;
          if (full) denied++;
        }
      }
    }
    expect(figures).toBeGreaterThan(300);
    expect(denied).toBeGreaterThan(0);
    expect(isDeniedFigure('He said it was absolutely nowhere near 3,000.', { start: 40, end: 45, quantityText: '3,000', unit: null })).toBe(true);
  });
});

describe('labels from the text', () => {
  it('names a group by its own words, never from a fixed list', () => {
    expect(labelOf(measure('The quake damaged 8,000 houses in two districts.', '8,000'))).toBe('houses damaged');
    expect(labelOf(measure('At least 230 people were killed when the dam burst.', '230'))).toBe('people killed');
    // Each word once, and no unit or rate taken for the thing counted.
    expect(labelOf(measure('The company is cutting 3,700 Twitter jobs, or half of all jobs.', '3,700'))).not.toMatch(/\bjobs\b.*\bjobs\b/);
    expect(labelOf(measure('The insurer said 38% of claims were paid.', '38%'))).toMatch(/^share/);
  });
});

describe('the period a figure covers', () => {
  it('reads a month, a quarter or a month counted from the report, but no date', () => {
    // Canada's and the US's monthly jobs reports of 2023, Samsung's and Tesla's quarters.
    expect(measure('Canada added 59,900 jobs in June, Statistics Canada said.', '59,900').period).toBe('month 6');
    expect(measure("The agency revised June's gain to 185,000.", '185,000').period).toBe('month 6');
    expect(measure('Employers added 187,000 jobs last month.', '187,000').period).toBe('relative -1');
    expect(measure("Samsung's first-quarter operating profit fell to 640 billion won.", '640 billion').period).toBe('quarter 1');
    expect(measure('Tesla delivered 435,059 vehicles in Q3, the company said.', '435,059').period).toBe('quarter 3');
    // "On July 7" is the day of a report; "since March" frames a span.
    expect(measure('On July 7, the department said 209,000 jobs had been added.', '209,000').period).toBeNull();
    expect(measure('Payrolls have grown by 1.5 million since March.', '1.5 million').period).toBeNull();
  });

  it('points "that month" back to the month named before it, and stops at another figure or verb', () => {
    expect(measure("Hiring in June was revised down by 24,000, lowering that month's gain to 185,000.", '185,000').period).toBe('month 6');
    const s = 'Netflix lost 200,000 subscribers in the first quarter and expects to lose 2 million in the current quarter.';
    expect(measure(s, '200,000').period).toBe('quarter 1');
    expect(measure(s, '2 million').period).toBe('relative-quarter 0');
  });
});

describe('forecasts and shares', () => {
  it('reads a forecast told after its figure, and takes who forecast for no noun of it', () => {
    // Nvidia's first quarter of its 2024 fiscal year.
    const s = 'Revenue was $7.19 billion, against the $6.52 billion analysts had predicted.';
    const forecast = measure(s, '$6.52 billion');
    expect(forecast.expected).toBe(true);
    expect(forecast.head).toBeNull();
    expect(measure(s, '$7.19 billion').expected).toBe(false);
  });

  it('reads what a share is of from the subject or object that moved to it, past a place', () => {
    // UK inflation and Bank Rate in 2023.
    expect(measure('UK inflation slowed to 7.9% in June.', '7.9%').head).toBe('inflation');
    expect(measure('Consumer price inflation in the UK slowed to 7.9% in the year to June.', '7.9%').head).toBe('inflation');
    expect(measure('The Bank of England raised interest rates to 5.25% on Thursday, the highest in 15 years.', '5.25%').head).toBe('interest');
    expect(measure('The Bank held its benchmark rate at 5.25% on Thursday.', '5.25%').head).toBe('benchmark');
    // A subject that names a concept is that concept's share.
    expect(measure('The death rate in the outbreak has climbed to 70 percent.', '70 percent').event).toBe('death');
  });

  it('keys no share of nothing named, which could be a share of anything', () => {
    expect(measure('The rate rose to 4.3%, up from 4.1%.', '4.3%').key).toBeNull();
    expect(measure('Unemployment rose to 4.3%, up from 4.1%.', '4.3%').key).not.toBeNull();
  });

  it('reads a name that moved to the figure as whose it is', () => {
    // The UK general election of July 2024.
    expect(measure('The Liberal Democrats rose to 72 seats, their best result in a century.', '72').subject).toMatch(/liberal democrats/);
    expect(measure('Officials raised the toll to 72 on Friday.', '72').subject).toBeNull();
  });
});

describe('parts, differences and places told around a figure', () => {
  it('measures a part of those counted before by the state said of it', () => {
    // The Al Haouz earthquake, Morocco, September 2023.
    const part = measure('Another 2,059 were injured, and 1,404 of them are in a critical condition.', '1,404');
    const again = measure('The count listed 2,012 dead, with about 1,400 of the injured in a serious condition.', '1,400');
    expect(part.key).toBe(again.key);
    expect(part.key).not.toBe(measure('Another 2,059 were injured, officials said on Sunday.', '2,059').key);
    // A place is where the part is, not a state of it.
    expect(measure('The union claimed 3.5 million marchers nationwide, 800,000 of them in the capital.', '800,000').event).not.toBe('capital');
  });

  it('reads "N deaths more than" as a difference, not a toll', () => {
    expect(measure("That is 45 deaths more than Tuesday's count of 2,901.", '45').increment).toBe(true);
    expect(measure("That is 45 deaths more than Tuesday's count of 2,901.", '2,901').increment).toBe(false);
  });

  it('places a figure by the sentence that opens with a place, a name with its figure and a relative clause that holds it', () => {
    // The 2022 mpox outbreak and the Moroccan quake.
    expect(measure('In Britain, Health Secretary Sajid Javid said on Friday that the count of confirmed cases had doubled to 20.', '20').places).toEqual(['GB']);
    const list = 'Britain has reported the most cases, 524, followed by Spain with 313 and Germany with 263.';
    expect(measure(list, '313').places).toEqual(['ES']);
    expect(measure(list, '263').places).toEqual(['DE']);
    expect(measure('The new deaths were recorded in Al Haouz, where the toll stands at 1,684, and in Taroudant, which has 980.', '980').subject).toBe('taroudant');
    expect(measure('Spain, the worst-affected country in Europe, has had 4,298 infections.', '4,298').places).toEqual(['ES']);
    expect(measure("Germany's Robert Koch Institute alone reported 165 cases on Friday.", '165').places).toEqual(['DE']);
  });

  it('leaves a place after a comma and a conjunction to the next clause', () => {
    expect(measure("It is 45 more than Tuesday's count of 2,901, and all of the new deaths were recorded in Al Haouz.", '2,901').subject).toBeNull();
  });
});

  it("keeps each side of a divided area apart by who holds it", () => {
    // Flooding after the Kakhovka dam breach, June 2023: each side counted its own dead.
    const both = 'Officials said the number of dead on the Russian-controlled side had risen to 41, while Kyiv reported 31 missing in areas under Ukrainian control.';
    expect(measure(both, '41').places).toEqual(['RU']);
    expect(measure(both, '31').places).toEqual(['UA']);
    expect(measure('At least eight people died in Russian-occupied areas, officials said.', 'eight').places).toEqual(['RU']);
    // A named town keeps its name: two towns on one side are two areas.
    const town = measure('Floods in Russian-held Oleshky killed 17 people.', '17');
    expect(town.places).toEqual([]);
    expect(town.subject).not.toBe(measure('Floods in Russian-held Nova Kakhovka killed 5 people.', '5').subject);
    expect(measure('On the Ukrainian-held side, the United Nations has counted 29 people killed.', '29').places).toEqual(['UA']);
    // A country's word joined to another participle names no side: where a thing was made is not where it struck.
    expect(measure('The city said 12 people were killed by Russian-made missiles.', '12').places).toEqual([]);
    // Nor is control of something other than land.
    expect(measure('About 40 people were killed under the control of traffic police.', '40').places).toEqual([]);
  });

describe('whose share a count gives', () => {
  it('reads a name on its figure, a figure for a name, and names joined on one figure', () => {
    // Turkey's presidential run-off of May 2023, and New Zealand's final count of November 2023.
    const s = 'Anadolu put Erdogan on 52.3 percent and Kemal Kilicdaroglu on 47.7 percent with 96 percent counted.';
    expect(measure(s, '52.3 percent').subject).toBe('erdogan');
    expect(measure(s, '47.7 percent').subject).toBe('kemal kilicdaroglu');
    const t = 'TRT showed 52.21 percent for Erdogan against 47.79 percent for the opposition\'s Kemal Kilicdaroglu.';
    expect(measure(t, '47.79 percent').subject).toBe('kemal kilicdaroglu');
    expect(measure('The final count put National and ACT on 46.7 percent combined.', '46.7 percent').subject).toBe('national+act');
    // Only a share sits on a name.
    expect(measure('A jury convicted Trump on 34 counts of falsifying records.', '34').subject).toBeNull();
  });
});

describe('no over-reading', () => {
  it('reads no part, difference, forecast, period or holder where the words say something else', () => {
    const read = (s: string, f: string) => measure(s, f);
    // Parts said by why, when or where, and the bar of a threshold.
    expect(read('Police detained 300 people, 120 of them for looting.', '120').key).toBe(read('Police detained 300 people, 120 of them for looting.', '300').key);
    expect(read('The virus has infected 3,000 people, 200 of them in the past week.', '200').event).not.toBe('week');
    // A time after "more than", a coordinated clause or a preposition before a forecast verb.
    expect(read('Officials confirmed 2,946 deaths more than a week after the quake struck.', '2,946').increment).toBe(false);
    expect(read('Nvidia earned $2 billion last quarter and expects revenue of $11 billion.', '$2 billion').expected).toBe(false);
    expect(read('Revenue came in at $7.19 billion against consensus estimates of $6.52 billion.', '$7.19 billion').expected).toBe(false);
    // A name's possessive, a month before a noun of people, a span framed by "since".
    expect(read("Theresa May's government cut 21,000 police officers.", '21,000').period).toBeNull();
    expect(read('March organisers put the turnout at 1.7 million.', '1.7 million').period).toBeNull();
    expect(read('Employers added 187,000 jobs in July, the smallest gain since December 2020.', '187,000').year).toBeNull();
    // A price paid for a company, and a city one speaks from.
    expect(read('Microsoft paid $69 billion for Activision Blizzard.', '$69 billion').subject).not.toBe('activision blizzard');
    expect(read('In London, the Office for National Statistics said on Wednesday that consumer price inflation slowed to 7.9%.', '7.9%').subject).toBeNull();
  });
});

describe('spans that only date a record', () => {
  it('keys no "highest for 45 years" or "15-year high", but keeps a span the story measures', () => {
    // UK food inflation and Bank Rate, 2023; the Ever Given's six days in the Suez Canal, 2021.
    expect(measure('Food inflation was still close to the highest for 45 years.', '45').key).toBeNull();
    expect(measure('The Bank raised rates to 5.25%, a new 15-year high, on Thursday.', '15').key).toBeNull();
    expect(measure('The blockage lasted six days before the ship was freed.', 'six').key).not.toBeNull();
  });
});

describe('what a rate is of, and who was aboard', () => {
  const share = (sentence: string, figure: string) => {
    const at = sentence.indexOf(figure);
    return measureOf(sentence, { start: at, end: at + figure.length, quantityText: figure, unit: 'percent' });
  };

  it('reads the subject of a rate past a relative clause and past an aside on how it moved', () => {
    // UK price figures of 2023.
    expect(share('Core inflation, which strips out energy, food, alcohol and tobacco, rose to 7.1%, the highest since 1992.', '7.1%').key).toBe(share('Core inflation rose to 7.1% in May.', '7.1%').key);
    // A where-clause sets a place, it describes no subject.
    expect(share('Unemployment in the region, where 40% of jobs depend on mining, rose to 11%.', '11%').key ?? '').not.toContain('region');
    const lifted = share('The Bank of England has lifted interest rates by more than expected, to 5% from 4.5%, as it struggles to rein in price rises.', '5%');
    expect(lifted.key).toBe(share('UK interest rates raised to 5% as the Bank fights stubborn price rises', '5%').key);
  });

  it('reads "from" after a figure the clause moved to as that figure\'s earlier value', () => {
    const s = 'Inflation in services slowed to 6.8 per cent from 7.4 per cent, the statistics office said.';
    expect(share(s, '7.4 per cent').earlier).toBe(true);
    expect(share(s, '6.8 per cent').earlier).toBe(false);
    expect(share('The Bank has lifted interest rates by more than expected, to 5% from 4.5%.', '4.5%').earlier).toBe(true);
    // Not where people or things came from: "up to 3,000 people from 12 villages".
    expect(measure('Rescuers evacuated up to 3,000 people from 12 villages.', '12').earlier).toBe(false);
    expect(measure('Aid was delivered to 300,000 people from 15 countries.', '15').earlier).toBe(false);
  });

  it('counts those aboard a vessel, however the sentence carries them', () => {
    // The Pylos shipwreck, June 2023, and an airliner's passengers.
    const keys = [
      measure('A charity said it believed around 750 people had been on the boat.', '750'),
      measure('The governor said survivors spoke of 750 passengers on board.', '750'),
      measure('The boat, carrying as many as 750 people, capsized off the coast.', '750'),
      measure('Reports suggested that up to 750 people had been crammed onto the fishing boat.', '750'),
    ].map((m) => m.key);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).not.toBeNull();
    // Those who died and those rescued are no count of those aboard.
    expect(measure('The boat sank before dawn, drowning at least 79 people.', '79').key).toBe(measure('At least 79 people died.', '79').key);
    expect(measure('The accident killed 294 passengers.', '294').key).toBe(measure('The accident killed 294 people.', '294').key);
    // Carrying other things, or being saved from drowning, is neither.
    expect(measure('Police stopped 40 men, 3 of them carrying knives.', '3').key).not.toBe(keys[0]);
    expect(measure('Lifeguards saved 40 people from drowning.', '40').key).toBe(measure('Lifeguards rescued 40 people.', '40').key);
    // Being aboard is counted, never priced.
    expect(measure('The cargo aboard the ship was estimated to be worth about $3.5 billion.', '$3.5 billion').key).toBe('money|cargo|');
  });

  it('reads the state a part is filed under', () => {
    // Canada's wildfire season of 2023: fires burning, and those out of control.
    const out = measure('Across the country 211 fires were burning, and 82 of them were listed as out of control.', '82').key;
    expect(out).toBe(measure('Nationally, 214 fires were burning, 93 of them out of control.', '93').key);
    expect(out).toBe(measure('More than 250 were out of control.', '250').key);
    expect(out).not.toBe(measure('Across the country 211 fires were burning, and 82 of them were listed as out of control.', '211').key);
    expect(measure('Blair said 1,826 fires had been recorded since the start of the year.', '1,826').key).not.toBe(measure('There were 324 fires burning on Friday afternoon.', '324').key);
  });
});

describe('a count broken down by group or nationality', () => {
  it('keys a group of the dead apart from the toll, however the breakdown is worded', () => {
    // Pakistan's floods of 2022, in the disaster authority's daily reports.
    const children = [
      measure('Among the dead are 416 children, 244 women and 526 men.', '416'),
      measure('The authority counted 1,162 deaths since mid-June, 384 of them children.', '384'),
      measure('Children account for more than 536 of the dead.', '536'),
      measure('The storm killed 230 people, including 40 children.', '40'),
    ].map((m) => m.key);
    expect(new Set(children).size).toBe(1);
    expect(children[0]).not.toBe(measure('The storm killed 230 people, including 40 children.', '230').key);
    expect(measure('Among the dead are 416 children, 244 women and 526 men.', '526').key).not.toBe(children[0]);
  });

  it('places a group of the dead by its nationality', () => {
    // The 2024 hajj, when many countries counted their own pilgrims.
    expect(measure('At least 35 of the dead are Tunisians, the state news agency said.', '35').places).toEqual(['TN']);
    expect(measure('Egyptians make up at least 323 of the dead, according to the diplomats.', '323').places).toEqual(['EG']);
    expect(measure('Officials said on Sunday that the Egyptian toll had climbed to 672.', '672').places).toEqual(['EG']);
    expect(measure('A diplomat put the number of Indian dead at around 68.', '68').places).toEqual(['IN']);
    // The figure's own harm stands: those killed among the casualties are deaths.
    expect(measure('Among the casualties, 24 Britons were killed.', '24').key).toBe(measure('At least 24 people were killed.', '24').key);
    // A nationality of those who count is no place of the counted.
    expect(measure('On the mountain, an Indian army team found 18 bodies after the tremor.', '18').places).toEqual([]);
  });
});
