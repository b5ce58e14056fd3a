// Reference lists are found in every format, under a heading that names one or as a run of entries in
// citation shape; they stay in the text (searchable) but hold no claims. Checked on texts written here
// and on the shared Wikipedia page and LaTeX paper (skipped when ../shared is absent).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../shared/types/ingest.ts';
import { extractDocument } from '../../../electron/services/ingest/index.ts';
import { extractClaims } from '../../../electron/services/claims/engine.ts';
import { claimableText, withDocumentText } from '../../../electron/services/claims/structured.ts';
import { sharedFolder } from './helpers.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const marked = (doc: ExtractedDocument) => (doc.blocks ?? []).filter((block) => block.references).map((block) => doc.text.slice(block.start, block.end));
const claimsOf = (doc: ExtractedDocument) => withDocumentText(extractClaims(claimableText(doc.text, doc.blocks)), doc.text).claims.map((claim) => claim.text);

const ENTRIES = [
  'Katz, S. L., & Hinman, A. R. (2004). Summary and conclusions: Measles elimination meeting, 16–17 March 2000. The Journal of Infectious Diseases, 189(Suppl 1), S43–S47.',
  'Papania, M. J., Wallace, G. S., Rota, P. A., et al. (2014). Elimination of endemic measles, rubella, and congenital rubella syndrome from the Western Hemisphere. JAMA Pediatrics, 168(2), 148–155.',
];

describe('reference lists', () => {
  it('marks the entries under a References heading up to the next section, and keeps them searchable', async () => {
    const source = [
      '# Measles in the United States',
      '',
      'Measles was declared eliminated from the United States in 2000, meaning it no longer spread year-round inside the country.',
      '',
      '## References',
      '',
      ...ENTRIES.flatMap((entry) => [`- ${entry}`]),
      '',
      '## Appendix',
      '',
      'In 2019 the country reported 1,274 cases, the most since 1992.',
    ].join('\n');
    const doc = await extractDocument({ name: 'measles.md', bytes: encode(source) });
    expect(marked(doc)).toEqual(ENTRIES.map((entry) => `- ${entry}`));
    expect(doc.text).toContain('Elimination of endemic measles, rubella');
    const claims = claimsOf(doc);
    expect(claims.some((claim) => claim.startsWith('Measles was declared eliminated'))).toBe(true);
    expect(claims.some((claim) => claim.includes('1,274 cases'))).toBe(true);
    expect(claims.some((claim) => /Katz|Papania|JAMA/.test(claim))).toBe(false);
  });

  it('marks a run of entries in citation shape without a heading, in plain text', async () => {
    const text = [
      'The eruption of Hunga Tonga–Hunga Ha’apai on 15 January 2022 sent a plume 57 kilometres into the sky.',
      '',
      'Carr, J. L., Horváth, Á., Wu, D. L., & Friberg, M. D. (2022). Stereo plume height and motion retrievals for the record-setting Hunga Tonga-Hunga Ha’apai eruption of 15 January 2022. Geophysical Research Letters, 49(9).',
      '',
      'Luis Millán, Michelle L. Santee, Alyn Lambert, and Nathaniel J. Livesey. The Hunga Tonga-Hunga Ha’apai hydration of the stratosphere. Geophysical Research Letters, 49(13), 2022.',
    ].join('\n');
    const doc = await extractDocument({ name: 'eruption.txt', bytes: encode(text) });
    expect(marked(doc)).toHaveLength(2);
    expect(claimsOf(doc)).toEqual(['The eruption of Hunga Tonga–Hunga Ha’apai on 15 January 2022 sent a plume 57 kilometres into the sky.']);
  });

  it('leaves running text that names people and years alone', async () => {
    const text = [
      'Jacinda Ardern, the prime minister, said in 2019 that the law would change within ten days.',
      '',
      'Smith and Jones, the two inspectors, found 14 faults in 2021 and 9 in 2022.',
      '',
      'Katherine Johnson. Her calculations sent John Glenn into orbit in 1962.',
    ].join('\n');
    const doc = await extractDocument({ name: 'people.txt', bytes: encode(text) });
    expect(marked(doc)).toEqual([]);
  });
});

const HTML = sharedFolder('formats', 'html');
const PDF = sharedFolder('formats', 'pdf');
if (!HTML || !PDF) console.warn('Skipping reference lists of shared files: ../shared/formats is absent.');

describe.skipIf(!HTML || !PDF)('reference lists of the shared files', () => {
  it('Wikipedia: the notes under References, linked to their marks in the text, and not the sections around them', async () => {
    const path = join(HTML!, 'wikipedia', 'source.html');
    if (!existsSync(path)) return;
    const doc = await extractDocument({ name: 'source.html', bytes: new Uint8Array(readFileSync(path)) });
    const entries = doc.blocks!.filter((block) => block.references);
    expect(entries.length).toBeGreaterThan(50);
    expect(entries.every((entry) => entry.kind === 'footnote' && /^\[\d+\] \^/.test(doc.text.slice(entry.start, entry.end)))).toBe(true);
    const marks = new Set(doc.blocks!.flatMap((block) => (block.refs ?? []).map((ref) => doc.text.slice(ref.start, ref.end))));
    expect(entries.filter((entry) => marks.has(entry.marker!)).length).toBeGreaterThan(50);
  });

  it('LaTeX paper: every entry after REFERENCES, and the appendix after it is running text again', async () => {
    const path = join(PDF!, 'arxiv-2309.11087-embed-search-align.pdf');
    if (!existsSync(path)) return;
    const doc = await extractDocument({ name: 'paper.pdf', bytes: new Uint8Array(readFileSync(path)) });
    const entries = marked(doc);
    expect(entries.length).toBeGreaterThan(40);
    expect(entries.some((entry) => entry.startsWith('Serafim Batzoglou. The many faces of sequence alignment.'))).toBe(true);
    const appendix = doc.text.indexOf('\n\nAPPENDIX\n\n');
    expect(appendix).toBeGreaterThan(0);
    expect(doc.blocks!.filter((block) => block.references && block.start > appendix)).toEqual([]);
    const claims = withDocumentText(extractClaims(claimableText(doc.text, doc.blocks)), doc.text).claims;
    const inEntries = claims.filter((claim) => doc.blocks!.some((block) => block.references && claim.start < block.end && block.start < claim.end));
    expect(inEntries.map((claim) => claim.text)).toEqual([]);
  }, 60_000);
});
