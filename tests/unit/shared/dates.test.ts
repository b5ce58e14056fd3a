// Dates as pages print them: absolute formats, date lines and datelines at the top of a text, and
// relative days resolved against the document's date.
import { describe, expect, it } from 'vitest';
import { findDates, findDocumentDate, findRelativeDays, parseDate } from '../../../shared/text/dates.ts';

describe('parseDate', () => {
  it.each([
    ['March 9, 2021', '2021-03-09'],
    ['Tuesday 9 March 2021', '2021-03-09'],
    ['2021-March-9', '2021-03-09'],
    ['03-09-2021 14:20 GMT', '2021-03-09T14:20'],
    ['25/12/2020', '2020-12-25'],
    ['Reuters, March 9, 2021', '2021-03-09'],
    ['Updated: 09 March,2021 08:48 am', '2021-03-09T08:48'],
    ['9 Mar 2021', '2021-03-09'],
    ['April 28, 2019 at 6:01 pm Updated', '2019-04-28T18:01'],
    ['2018-05-29T10:00:00Z', '2018-05-29T10:00'],
    ['Sept. 25, 2017', '2017-09-25'],
  ])('%s', (text, iso) => expect(parseDate(text)).toBe(iso));

  it('refuses what is not a date', () => {
    expect(parseDate('Flight 370 left at 12:41')).toBeNull();
    expect(parseDate('February 30, 2021')).toBeNull();
    expect(parseDate('rates may 5 times over')).toBeNull();
  });

  it('takes a missing year from the reference date, never placing a date far after it', () => {
    expect(findDates('as of Dec. 9 the count stood at 62', '2018-01-04')[0].iso).toBe('2017-12-09');
    expect(findDates('on March 2 officials said', '2021-03-10')[0].iso).toBe('2021-03-02');
  });
});

describe('findDocumentDate', () => {
  it('reads an outlet and date line under a headline', () => {
    const found = findDocumentDate('Flood waters recede in the valley\nThe Valley Courier, 2019-04-02\nRescuers said on Monday...');
    expect(found).toMatchObject({ published: '2019-04-02', outlet: 'The Valley Courier', kind: 'date-line' });
  });

  it('reads a labelled date line with a byline', () => {
    expect(findDocumentDate('Headline\nBy Ana Ruiz | Updated: 09 March,2021 08:48 am\nText.')?.published).toBe('2021-03-09T08:48');
  });

  it('reads a wire dateline, with the year from the reference when it is missing', () => {
    expect(findDocumentDate('LIMA, March 9, 2021 (Reuters) - Peru said...')).toMatchObject({ published: '2021-03-09', outlet: 'Reuters', kind: 'dateline' });
    expect(findDocumentDate('LIMA, March 9 (Reuters) - Peru said...', '2021-03-12')?.published).toBe('2021-03-09');
  });

  it('does not take a date from a sentence of the body', () => {
    expect(findDocumentDate('The council met on March 3, 2020, and voted to close the bridge for repairs.')).toBeNull();
  });
});

describe('findRelativeDays', () => {
  it('resolves weekdays to the past week and named relative days', () => {
    const days = findRelativeDays('Officials said on Monday, and again yesterday, that by Tuesday evening 40 had died.', '2021-03-10');
    expect(days.map((d) => [d.text, d.iso])).toEqual([
      ['on Monday', '2021-03-08'],
      ['yesterday', '2021-03-09'],
      ['Tuesday', '2021-03-09'],
    ]);
  });

  it('counts a span back from the reference, as an approximate day', () => {
    const days = findRelativeDays('A week earlier the count was 1.03 million; three days before, 12 had been arrested.', '2019-06-17');
    expect(days.map((d) => [d.text, d.iso, d.approximate])).toEqual([
      ['A week earlier', '2019-06-10', true],
      ['three days before', '2019-06-14', true],
    ]);
    // "ago" mostly dates an event, not a figure, and "before the floods" counts from the floods: both are left alone.
    expect(findRelativeDays('the quake two days ago', '2019-06-17')).toEqual([]);
    expect(findRelativeDays('three days before the floods', '2019-06-17')).toEqual([]);
  });

  it('leaves lower-case weekday words and a missing reference alone', () => {
    expect(findRelativeDays('a sunday market', '2021-03-10')).toEqual([]);
    expect(findRelativeDays('on Monday', null)).toEqual([]);
  });
});
