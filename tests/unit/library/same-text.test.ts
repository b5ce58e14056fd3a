// The same text in two formats is recognised: a generated PDF report and its plain text give nearly the
// same MinHash signature, an unrelated text does not, and the best match in a library is the one linked.
import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../shared/types/library.ts';
import { extractDocument } from '../../../electron/services/ingest/index.ts';
import { findSameText, overlapOf, textSignature } from '../../../electron/services/library/same-text.ts';
import { renderSampleReport } from '../../../scripts/sample-pdf.ts';
import { sampleReport } from '../../../scripts/sample-report.ts';

const reportText = () =>
  sampleReport()
    .blocks.flatMap((block) =>
      block.kind === 'list' ? block.items : block.kind === 'table' ? block.rows.map((row) => row.join(' ')) : [block.text],
    )
    .join('\n\n')
    .replace(/\u00ad/g, '')
    .replace(/\[\^\w+\]/g, '');

const OTHER =
  'The city council voted 7 to 2 on Tuesday to extend the bus lane on Harbour Road by 1.4 kilometres, ' +
  'after a trial in which journey times fell by about a fifth during the morning peak and complaints from shop owners did not rise.';

const record = (id: string, title: string, text: string): DocumentRecord =>
  ({ id, title, textSignature: textSignature(text), deletedAt: null }) as DocumentRecord;

describe('same text across formats', () => {
  it('finds a PDF and its plain text to be the same text, and an unrelated text not', async () => {
    const { pdf } = await renderSampleReport(sampleReport());
    const fromPdf = await extractDocument({ name: 'canal.pdf', bytes: pdf });
    const a = textSignature(fromPdf.text)!;
    const b = textSignature(reportText())!;
    expect(overlapOf(a, b)).toBeGreaterThanOrEqual(0.8);
    expect(overlapOf(a, textSignature(OTHER)!)).toBeLessThan(0.2);
  }, 30_000);

  it('links to the library document that overlaps most, ignoring deleted ones and short texts', () => {
    const text = reportText();
    const library = [
      record('other', 'Bus lane', OTHER),
      record('canal', 'Canal report', text),
      { ...record('gone', 'Deleted copy', text), deletedAt: '2026-01-01T00:00:00Z' },
    ];
    const found = findSameText(textSignature(`${text}\n\nOne more closing line added by the editor.`), library);
    expect(found).toMatchObject({ id: 'canal', title: 'Canal report' });
    expect(found!.overlap).toBeGreaterThan(0.8);
    expect(findSameText(textSignature(OTHER.replace(/Harbour/g, 'Quay')), [library[1]])).toBeNull();
    expect(textSignature('Too short')).toBeNull();
  });
});
