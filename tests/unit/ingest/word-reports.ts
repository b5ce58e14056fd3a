// Three reports written for the import tests, in our own words after public facts: a shipping brief on
// the 2021 Suez Canal blockage and a briefing on the James Webb Space Telescope (both in two columns
// with footnotes), and a results release on the 2020 United States census (one column).
import type { WordReport } from './word-report.ts';

export const SUEZ_BRIEF: WordReport = {
  title: 'Six Days in the Suez Canal',
  header: 'Shipping brief: the Suez Canal blockage of 2021',
  columns: 2,
  notes: {
    '1': 'Ship counts differ between the canal authority, shipping data firms and news agencies.',
    '2': 'The estimate covered goods moving in both directions through the canal.',
    '3': 'A twenty-foot equivalent unit is the volume of one standard twenty-foot container.',
  },
  blocks: [
    {
      kind: 'paragraph',
      text: 'The container ship Ever Given ran aground in the southern section of the Suez Canal on the morning of 23 March 2021, after strong winds and a sandstorm pushed it against the eastern bank. The ship came to rest diagonally across the channel, and no other vessel could pass it in either direction.',
    },
    {
      kind: 'paragraph',
      text: 'Ever Given is about 400 metres long and 59 metres wide, and it can carry 20,124 twenty-foot containers.[^3] It was sailing from Malaysia to the Dutch port of Rotterdam under the flag of Panama. Its crew of 25 sailors were not injured, according to the technical manager of the ship.',
    },
    { kind: 'heading', text: 'A queue at both ends' },
    {
      kind: 'paragraph',
      text: 'By the time the canal reopened, more than 360 ships were waiting to pass through it.[^1] Lloyd’s List estimated that the blockage held up about 9.6 billion dollars of goods every day,[^2] which is roughly 400 million dollars an hour. About 12 percent of the world’s trade normally passes through the canal.',
    },
    {
      kind: 'paragraph',
      text: 'Several shipping lines did not wait for the canal to clear. Some of them sent their ships around the Cape of Good Hope instead, a detour that adds roughly 3,500 nautical miles to a voyage between Asia and northern Europe.',
    },
    {
      kind: 'bullets',
      items: [
        'Dredgers removed about 30,000 cubic metres of sand and mud from around the bow.',
        'At least 11 tugboats pulled and pushed the hull over several days.',
        'Engineers waited for the spring tide, which raised the water level in the canal.',
      ],
    },
    { kind: 'heading', text: 'Refloating and after' },
    {
      kind: 'paragraph',
      text: 'The ship was pulled free on 29 March 2021, six days after it grounded, and the canal authority said traffic resumed that evening. The authority later said that 422 ships had passed through the canal by 3 April, which cleared the backlog.',
    },
    {
      kind: 'paragraph',
      text: 'Egypt held the ship in a lake along the canal while the canal authority and the owner argued over compensation. The authority first asked for 916 million dollars. The two sides reached a settlement in July 2021, and Ever Given left the canal on 7 July, more than three months after it ran aground.',
    },
    {
      kind: 'table',
      rows: [
        ['Date', 'Event'],
        ['23 March 2021', 'Ever Given runs aground'],
        ['29 March 2021', 'The ship is refloated'],
        ['7 July 2021', 'The ship leaves the canal'],
      ],
    },
    {
      kind: 'paragraph',
      text: 'The canal, which opened in 1869, has since been widened along part of its southern section. The canal authority said the work would let two ships pass each other in a stretch where only one could pass before.',
    },
  ],
};

export const WEBB_BRIEFING: WordReport = {
  title: 'The James Webb Space Telescope at a Glance',
  header: 'Science briefing: the James Webb Space Telescope',
  columns: 2,
  notes: {
    '1': 'The second Lagrange point lies on the line from the Sun through the Earth, beyond the Earth.',
    '2': 'Kapton is a polyimide film that stays stable over a wide range of temperatures.',
    '3': 'The figure covers development, launch and the first five years of operations.',
  },
  blocks: [
    {
      kind: 'paragraph',
      text: 'The James Webb Space Telescope was launched on 25 December 2021 on an Ariane 5 rocket from Europe’s spaceport at Kourou in French Guiana. It is a joint project of NASA, the European Space Agency and the Canadian Space Agency.',
    },
    {
      kind: 'paragraph',
      text: 'The telescope reached its orbit around the second Lagrange point on 24 January 2022.[^1] That point is about 1.5 million kilometres from the Earth, roughly four times farther away than the Moon.',
    },
    { kind: 'heading', text: 'Mirror and sunshield' },
    {
      kind: 'paragraph',
      text: 'The primary mirror is 6.5 metres across and is made of 18 hexagonal segments of beryllium, each coated with a thin layer of gold. Gold reflects infrared light well, and the telescope observes mostly in the infrared.',
    },
    {
      kind: 'paragraph',
      text: 'A sunshield of five layers of Kapton keeps the mirror and instruments in permanent shade.[^2] Unfolded, the sunshield measures about 21 metres by 14 metres, close to the size of a tennis court. Its hot side can reach about 85 degrees Celsius, while the cold side stays below minus 230 degrees Celsius.',
    },
    {
      kind: 'bullets',
      items: [
        'The telescope carries four science instruments that record images and spectra.',
        'Its mid-infrared instrument is cooled to about 7 kelvin by a cryocooler.',
        'NASA put the total cost of the project at about 10 billion dollars.[^3]',
      ],
    },
    { kind: 'heading', text: 'Operations' },
    {
      kind: 'paragraph',
      text: 'Unlike the Hubble Space Telescope, Webb was not designed to be serviced by astronauts, since no crewed spacecraft can reach its orbit. NASA said the launch was so precise that the telescope kept enough propellant for well over ten years of science operations.',
    },
    {
      kind: 'paragraph',
      text: 'The first full-colour images from the telescope were released on 12 July 2022. A day earlier, President Joe Biden had shown the first of them, a deep field of the galaxy cluster SMACS 0723, at the White House.',
    },
    {
      kind: 'table',
      rows: [
        ['Part', 'Size'],
        ['Primary mirror', '6.5 m across'],
        ['Sunshield', '21 m by 14 m'],
      ],
    },
  ],
};

export const CENSUS_RELEASE: WordReport = {
  title: 'First Results of the 2020 Census',
  header: 'Results release: 2020 Census apportionment',
  columns: 1,
  notes: {
    '1': 'The resident population counts people living in the 50 states and the District of Columbia.',
    '2': 'The apportionment population also counts members of the armed forces and federal staff stationed abroad.',
  },
  blocks: [
    {
      kind: 'paragraph',
      text: 'The 2020 Census counted 331,449,281 people living in the United States on 1 April 2020, the Census Bureau said on 26 April 2021.[^1] The count was 22,703,743 people higher than in 2010, a rise of 7.4 percent.',
    },
    {
      kind: 'paragraph',
      text: 'That was the second-slowest growth between two censuses in the history of the count, after the 7.3 percent recorded in the 1930s. The population of three states fell over the decade: West Virginia, Mississippi and Illinois.',
    },
    { kind: 'heading', text: 'Seats in the House of Representatives' },
    {
      kind: 'paragraph',
      text: 'The count decides how the 435 seats in the House of Representatives are shared among the states.[^2] Seven seats moved between states after the 2020 Census.',
    },
    {
      kind: 'bullets',
      items: [
        'Texas gained two seats, the largest gain of any state.',
        'Colorado, Florida, Montana, North Carolina and Oregon each gained one seat.',
        'California, Illinois, Michigan, New York, Ohio, Pennsylvania and West Virginia each lost one seat.',
      ],
    },
    {
      kind: 'paragraph',
      text: 'California lost a seat for the first time in its history. New York would have kept all of its seats if it had counted 89 more residents, according to the bureau.',
    },
    {
      kind: 'table',
      rows: [
        ['State', 'Population'],
        ['California', '39,538,223'],
        ['Texas', '29,145,505'],
        ['Wyoming', '576,851'],
      ],
    },
    { kind: 'heading', text: 'Growth by state' },
    {
      kind: 'paragraph',
      text: 'Utah grew faster than any other state, by 18.4 percent. California remained the most populous state with 39,538,223 residents, and Wyoming remained the least populous with 576,851.',
    },
    {
      kind: 'numbered',
      items: [
        'The bureau released the state counts and the seat changes in April 2021.',
        'It released the detailed counts for redrawing districts in August 2021.',
      ],
    },
  ],
};

export const WORD_REPORTS: readonly WordReport[] = [SUEZ_BRIEF, WEBB_BRIEFING, CENSUS_RELEASE];
