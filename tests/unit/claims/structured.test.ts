// Claims follow the document's structure: headings, captions and notes hold none, and no sentence
// reaches across a block; offsets stay those of the stored text. Uses the real engine.
import { describe, expect, it } from 'vitest';
import type { DocBlock } from '../../../shared/types/blocks.ts';
import { extractClaims } from '../../../electron/services/claims/engine.ts';
import { claimableText, withDocumentText } from '../../../electron/services/claims/structured.ts';

const parts: Array<[DocBlock['kind'], string]> = [
  ['heading', 'Grain exports rose 12 percent in 2023'],
  ['paragraph', 'Wheat shipments from the Black Sea reached 41 million tonnes last season, the ministry said.'],
  ['caption', 'Figure 2. Exports fell by 3 million tonnes in the first quarter'],
  ['list-item', '• Maize exports grew to 27 million tonnes.'],
  ['footnote', '1 Figures for 2023 were revised by 5 percent in March.'],
];

function documentOf(): { text: string; blocks: DocBlock[] } {
  let text = '';
  const blocks: DocBlock[] = [];
  for (const [kind, body] of parts) {
    if (text) text += '\n\n';
    blocks.push({ kind, start: text.length, end: text.length + body.length });
    text += body;
  }
  return { text, blocks };
}

describe('claims in a structured document', () => {
  it('keeps headings, captions and notes out of the claims, and list items in', () => {
    const { text, blocks } = documentOf();
    const set = withDocumentText(extractClaims(claimableText(text, blocks)), text);
    expect(set.text).toBe(text);
    const claimed = set.claims.map((claim) => claim.text);
    expect(claimed).toContain('Wheat shipments from the Black Sea reached 41 million tonnes last season, the ministry said.');
    expect(claimed.some((claim) => claim.includes('Maize exports grew to 27 million tonnes.'))).toBe(true);
    expect(claimed.some((claim) => /Grain exports rose|Figure 2|revised by 5 percent/.test(claim))).toBe(false);
    for (const claim of set.claims) {
      expect(text.slice(claim.start, claim.end)).toBe(claim.text);
      const inside = blocks.find((block) => claim.start >= block.start && claim.end <= block.end);
      expect(inside, claim.text).toBeDefined();
    }
  });

  it('reads the text unchanged when there are no blocks', () => {
    const { text } = documentOf();
    expect(claimableText(text, null)).toBe(text);
    expect(claimableText(text, [])).toBe(text);
  });

  it('keeps line ends and lengths when it blanks a block', () => {
    const text = 'Heading line\nsecond line\n\nBody text.';
    const masked = claimableText(text, [{ kind: 'heading', start: 0, end: 24 }]);
    expect(masked.length).toBe(text.length);
    expect(masked.slice(0, 25)).toBe(`${' '.repeat(12)}\n${' '.repeat(11)}\n`);
    expect(masked.slice(26)).toBe('Body text.');
  });
});
