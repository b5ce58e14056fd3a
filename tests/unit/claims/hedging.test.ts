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
