// Hedge cues (from published hedge lexicons), boosters and look-alikes that are not hedges, the certainty
// classes that follow from them, and negation.
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../shared/types/claims.ts';
import { extractClaims } from '../../../electron/services/claims/engine.ts';

const claim = (text: string): Claim => extractClaims(text).claims[0];

describe('hedge cues', () => {
  it.each([
    ['The suspect reportedly fled across the border.', 'reportedly'],
    ['The minister allegedly accepted gifts from contractors.', 'allegedly'],
    ['The hospital is said to be running out of oxygen.', 'said to be'],
    ['The virus is believed to have spread through the water supply.', 'believed'],
    ['The vote may be postponed until spring.', 'may'],
    ['The strike might spread to the ports.', 'might'],
    ['Shortages could last into next year.', 'could'],
    ['Rates are likely to stay high.', 'likely'],
    ['The fire was probably started by a downed power line.', 'probably'],
    ['Officials raised the possibility of a second lockdown.', 'possibility'],
    ['Damage was estimated at $2 billion.', 'estimated'],
    ['Intelligence agencies assessed that the missile was fired from the north.', 'assessed'],
    ['The rebels appear to have withdrawn from the town.', 'appear'],
    ['The economy seems to be recovering.', 'seems'],
    ['New data suggests the outbreak is slowing.', 'suggests'],
    ['The blast was possibly caused by a gas leak.', 'possibly'],
    ['Unconfirmed reports put the toll at 30.', 'Unconfirmed'],
  ])('finds the cue in "%s"', (text, cue) => {
    const c = claim(text);
    expect(c.hedges).toContain(cue);
    expect(c.certainty).toBe('hedged');
  });

  it('records each cue as written, once', () => {
    expect(claim('Prices may rise and wages may fall, economists say; growth could slow.').hedges).toEqual(['may', 'could']);
  });
});

describe('not hedges', () => {
  it.each([
    'There is no doubt that the economy has slowed.',
    'The evidence clearly shows the dam was neglected.',
    'The result is certainly the party’s worst in decades.',
    'The trial opens in May in the capital.',
    'The country’s military might has grown since 2015.',
    'A think tank in Brussels published the study.',
    'The defendant appeared in court on Tuesday.',
    'Crews restored power as soon as possible.',
    'The mayor could not be reached for comment.',
    'Around 200 people attended the vigil.',
  ])('"%s" carries no hedge', (text) => {
    expect(claim(text).hedges).toEqual([]);
  });
});

describe('certainty', () => {
  it('is hedged before attributed before asserted', () => {
    expect(claim('The agency said the outage would probably last a week.').certainty).toBe('hedged');
    expect(claim('The agency said the outage would last a week.').certainty).toBe('attributed');
    expect(claim('The outage lasted a week.').certainty).toBe('asserted');
  });
});

describe('negation', () => {
  it.each([
    'The plant is not operating.',
    'No ships left the harbour on Sunday.',
    'The border has never been fully closed.',
    'The crowd was nowhere near 10,000 people.',
    'The ministry denied that the dam had failed.',
    'The company did not respond to questions.',
    'A spokesman declined to confirm the figures.',
    'Officials refused to give a timeline.',
    'The council isn’t planning new taxes.',
  ])('"%s" is negated', (text) => {
    expect(claim(text).negated).toBe(true);
  });

  it.each([
    'There is no doubt the river has risen.',
    'The tax affects not only farmers but also traders.',
    'Sales rose 4% in the quarter.',
  ])('"%s" is not negated', (text) => {
    expect(claim(text).negated).toBe(false);
  });
});

describe('hedges in their general forms', () => {
  it.each([
    ['It is thought the blaze began in a storage room.', 'It is thought'],
    ['It is understood the regulator will fine the lender.', 'It is understood'],
    ['It is widely predicted that the central bank will hold rates.', 'It is widely predicted'],
    ['It was feared that the levee would give way overnight.', 'It was feared'],
  ])('reads the impersonal passive in "%s"', (text, cue) => {
    const c = claim(text);
    expect(c.hedges).toContain(cue);
    expect(c.certainty).toBe('hedged');
    expect(c.attribution).toBeNull();
  });

  it('reads "should" and "expected" as hedges inside reported speech only', () => {
    expect(claim('The tunnel should reopen before the holidays, the operator said.').hedges).toContain('should');
    expect(claim('“The pumps should be back within a day,” the engineer said.').hedges).toContain('should');
    expect(claim('The new stadium is expected in 2028, club officials said.').hedges).toContain('expected');
    expect(claim('Cyclists should wear helmets on the new route.').hedges).toEqual([]);
    expect(claim('Turnout rose as expected in the northern wards.').hedges).toEqual([]);
  });

  it('does not read "could" of ability as a hedge', () => {
    expect(claim('The airline could not pay its fuel bills in March.').hedges).toEqual([]);
    expect(claim('Villagers could see the flames from the valley.').hedges).toEqual([]);
    expect(claim('Fares could rise by a fifth next year.').hedges).toEqual(['could']);
  });

  it('reads "assess" as a hedge only as a judgement', () => {
    expect(claim('Surveyors will assess the flood damage on Friday.').hedges).toEqual([]);
    expect(claim('Analysts assessed that the reservoir was near capacity.').hedges).toContain('assessed');
  });

  it('reads "possible" as a hedge when predicative or before an outcome, not as an adjective of options', () => {
    expect(claim('Planners compared all possible routes for the tram.').hedges).toEqual([]);
    expect(claim('The board weighed every possible option for the site.').hedges).toEqual([]);
    expect(claim('It is possible that the leak started last week.').hedges).toContain('possible');
    expect(claim('Inspectors are examining a possible link to the sewage outflow.').hedges).toContain('possible');
  });
});

describe('negation that is not a negated claim', () => {
  it.each([
    'Payrolls are reported on a not seasonally adjusted basis.',
    'The change in the rate was not statistically significant.',
  ])('"%s" is not negated', (text) => {
    expect(claim(text).negated).toBe(false);
  });
});

describe('look-alikes of hedges in comparisons and nouns', () => {
  it('does not read "more likely" comparisons or the noun "estimate" as hedges', () => {
    expect(claim('Smokers were three times more likely to develop the disease.').hedges).toEqual([]);
    expect(claim('The final bill was double the council’s first estimate.').hedges).toEqual([]);
    expect(claim('Officials estimate that 2,000 homes lost power.').hedges).toContain('estimate');
  });
});
