// Passage links as briefs cite them and the desktop app opens them.
import { describe, expect, it } from 'vitest';
import { parsePassageLink, passageLink } from '../../../shared/links.ts';

describe('dossier:// passage links', () => {
  it('round-trips a document id and range', () => {
    expect(parsePassageLink(passageLink('0123456789ab', 10, 42))).toEqual({ docId: '0123456789ab', start: 10, end: 42 });
    expect(parsePassageLink('dossier://doc/0123456789ab')).toEqual({ docId: '0123456789ab', start: null, end: null });
  });

  it('refuses anything else', () => {
    for (const bad of ['dossier://doc/../../etc#1-2', 'dossier://doc/0123456789ab#5-1', 'https://doc/0123456789ab', 'dossier://note/0123456789ab', 'dossier://doc/0123456789AB#1-2']) {
      expect(parsePassageLink(bad)).toBeNull();
    }
  });
});
