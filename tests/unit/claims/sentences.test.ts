// Sentence boundaries and the sentences that cannot carry a claim (boilerplate, headings, bylines,
// datelines, questions, exhortations, fragments), on invented sentences from several news beats.
import { describe, expect, it } from 'vitest';
import { extractClaims, normalizeText } from '../../../electron/services/claims/engine.ts';

const claimTexts = (raw: string): string[] => extractClaims(normalizeText(raw)).claims.map((c) => c.text);

describe('sentence boundaries', () => {
  it('does not split after titles, initials and country abbreviations', () => {
    expect(claimTexts('Lt. Gen. Mark Hale met Sen. Rosa Ortiz at the U.S. embassy on Monday. Mr. Hale said the talks had gone well.')).toEqual([
      'Lt. Gen. Mark Hale met Sen. Rosa Ortiz at the U.S. embassy on Monday.',
      'Mr. Hale said the talks had gone well.',
    ]);
  });

  it('keeps "No. 5" and decimals inside the sentence', () => {
    expect(claimTexts('The hurricane ranked No. 5 among the costliest storms on record. Insurers paid out 2.7 billion dollars.')).toEqual([
      'The hurricane ranked No. 5 among the costliest storms on record.',
      'Insurers paid out 2.7 billion dollars.',
    ]);
    expect(claimTexts('Inflation rose 3.1 percent in March. Economists had expected 2.9 percent.')).toHaveLength(2);
  });

  it('splits where a closing quote or an ellipsis is glued to the next sentence', () => {
    expect(claimTexts('The mayor thanked the firefighters.“This was a close call,” she said.')).toEqual([
      'The mayor thanked the firefighters.',
      '“This was a close call,” she said.',
    ]);
    expect(claimTexts('Residents called the ruling “a betrayal”.The council approved the plan on Tuesday.')).toEqual([
      'Residents called the ruling “a betrayal”.',
      'The council approved the plan on Tuesday.',
    ]);
    expect(claimTexts('Rescuers kept digging through the night….By morning, 14 survivors had been pulled out.')).toEqual([
      'Rescuers kept digging through the night….',
      'By morning, 14 survivors had been pulled out.',
    ]);
  });

  it('treats each line as a paragraph and never lets a sentence cross a line break', () => {
    const text = 'The ministry said talks would resume\nin Geneva next week.';
    const set = extractClaims(text);
    for (const c of set.claims) expect(c.text.includes('\n')).toBe(false);
  });

  it('returns spans that index the text exactly', () => {
    const text = normalizeText('  Voters queued for hours.\r\n\r\nTurnout reached 71%, officials said.  ');
    const set = extractClaims(text);
    expect(set.claims.map((c) => c.text)).toEqual(['Voters queued for hours.', 'Turnout reached 71%, officials said.']);
    for (const c of set.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});

describe('sentences that are not claims', () => {
  it('drops boilerplate lines', () => {
    const text = ['Loading…', 'Share this article', 'Advertisement', 'Click here to subscribe', 'Sign up for our morning newsletter.', 'Read more: How the vote works', 'Story continues below advertisement'].join('\n');
    expect(claimTexts(text)).toEqual([]);
  });

  it('drops headings, bylines, all-caps lines and photo credits', () => {
    const text = [
      'Floodwaters swamp northern towns',
      'By Maria Lopez',
      'Heavy rain caused the river to burst its banks on Sunday.',
      'CLICK HERE FOR THE FULL STORY',
      'Firefighters battle a blaze near Athens, Greece, July 18, 2023. REUTERS/Jane Doe',
    ].join('\n');
    expect(claimTexts(text)).toEqual(['Heavy rain caused the river to burst its banks on Sunday.']);
  });

  it('strips a dateline from the claim', () => {
    expect(claimTexts('NAIROBI, Kenya (AP) — Health officials reported 40 new cholera cases on Friday.')).toEqual([
      'Health officials reported 40 new cholera cases on Friday.',
    ]);
  });

  it('drops questions, including a quoted question with its speech tag', () => {
    expect(claimTexts('Will the ceasefire hold? “Where is the aid?” asked one farmer. Food prices doubled in a month.')).toEqual([
      'Food prices doubled in a month.',
    ]);
  });

  it('drops exhortations and imperatives', () => {
    const text = [
      'We must act before it is too late.',
      '“We need to rebuild together.”',
      'Let’s not forget the victims.',
      'Please share this article with your friends.',
      'Stay indoors and keep windows closed.',
      'Don’t miss our election coverage.',
    ].join('\n');
    expect(claimTexts(text)).toEqual([]);
  });

  it('keeps sentences whose first word only looks like an imperative', () => {
    expect(claimTexts('Share prices fell 4% on Monday.')).toHaveLength(1);
    expect(claimTexts('Support for the governing party slipped to 31 percent.')).toHaveLength(1);
    expect(claimTexts('Watch sales in Switzerland rose for a third year.')).toHaveLength(1);
  });

  it('drops lead-ins, meta-commentary and verbless fragments glued into the text', () => {
    expect(claimTexts('The statement continued:')).toEqual([]);
    expect(claimTexts('The big question is whether voters will turn out.')).toEqual([]);
    expect(claimTexts('The economic fallout. Factories in the region have cut 2,000 jobs.')).toEqual([
      'Factories in the region have cut 2,000 jobs.',
    ]);
  });

  it('keeps short real claims and first-person reporting', () => {
    expect(claimTexts('Prices rose. Nobody was hurt.')).toEqual(['Prices rose.', 'Nobody was hurt.']);
    expect(claimTexts('In my last column, I noted that the reservoir was half empty.')).toHaveLength(1);
  });
});

describe('sentence boundaries after abbreviated amounts', () => {
  it('splits after "£4.2m." and "$3bn." before a capital', () => {
    expect(claimTexts('The charity lost £1.8m. The trustees resigned.')).toEqual(['The charity lost £1.8m.', 'The trustees resigned.']);
    expect(claimTexts('The port handled $3bn. Its rival handled less.')).toEqual(['The port handled $3bn.', 'Its rival handled less.']);
  });
});

describe('boilerplate of releases, announcements and abstracts', () => {
  it.each([
    'A federal district court judge determines any sentence after taking into account the U.S. Sentencing Guidelines and other statutory factors.',
    'The charges in the indictment are merely allegations, and each defendant is presumed innocent until proven guilty.',
    'Anyone with information about the scheme should call the hotline.',
    'To learn more, visit the agency’s website.',
    'Information in this release will be made available to sensory impaired individuals upon request.',
    '(See table B-2.)',
    'Transmission of material in this release is embargoed until 10:00 a.m. (ET), Thursday, March 7, 2019.',
  ])('"%s" is not a claim', (line) => {
    expect(claimTexts(`The plant closed in May.\n${line}`)).toEqual(['The plant closed in May.']);
  });

  it('drops structured-abstract labels before a verbless phrase but keeps labelled findings', () => {
    expect(claimTexts('Setting Portugal.\nDesign Multicentre cohort study.\nResults 812 patients were followed for a median of 3 years.')).toEqual([
      'Results 812 patients were followed for a median of 3 years.',
    ]);
  });
});

describe('table notes and footnotes', () => {
  it.each([
    'NOTE: Detail may not sum to totals because of rounding.',
    'Source: National Statistics Office survey of households.',
    '* Difference is statistically significant at the 95 percent level.',
    '1 Includes persons who worked part time for economic reasons.',
    '(r) Revised.',
    'Dash indicates data are not available.',
  ])('"%s" is not a claim', (line) => {
    expect(claimTexts(`Exports rose 4 percent in May.\n${line}`)).toEqual(['Exports rose 4 percent in May.']);
  });
});
