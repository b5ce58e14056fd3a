// Text anchors: quote + context + position, re-attached after the text shifts.
import { describe, expect, it } from 'vitest';
import { makeAnchor, resolveAnchor } from '../../../electron/services/anchors/anchors.ts';

const text = 'The mayor said 300 homes flooded. Later, the mayor said 300 homes flooded again, in the east.';

describe('anchors', () => {
  it('resolves at the stored position when the text is unchanged', () => {
    const start = text.indexOf('300 homes');
    const anchor = makeAnchor(text, start, start + 9);
    expect(resolveAnchor(text, anchor)).toEqual({ start, end: start + 9 });
  });

  it('follows the passage when text is inserted before it, using the context to pick the right occurrence', () => {
    const second = text.lastIndexOf('300 homes');
    const anchor = makeAnchor(text, second, second + 9);
    const edited = `Breaking: ${text.replace('The mayor', 'The city mayor')}`;
    const at = resolveAnchor(edited, anchor)!;
    expect(edited.slice(at.start, at.end)).toBe('300 homes');
    expect(edited.slice(at.end, at.end + 20)).toBe(' flooded again, in t');
  });

  it('reports an orphan when the quote is gone', () => {
    const anchor = makeAnchor(text, 4, 9);
    expect(resolveAnchor('Nothing like it here.', anchor)).toBeNull();
  });
});
