// Import survives 1,000+ mutated PDF, DOCX and HTML files: no crash, no hang past the per-file limit,
// and every failure is a clear, specific error.
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../fuzz/harness.ts';

describe('import fuzzing', () => {
  it('gives a clear error or a document for every mutated file', async () => {
    const report = await fuzz({ files: 1050 });
    console.log(`fuzz: ${report.files} files (${JSON.stringify(report.byFormat)}) from ${report.seeds} seeds in ${report.seconds} s: ${JSON.stringify(report.outcomes)}`);
    if (!report.sharedSeeds) console.warn('fuzz: ../shared/formats is absent, so only the project’s own seeds were mutated');
    expect(report.files).toBeGreaterThanOrEqual(1000);
    expect(report.hangs).toEqual([]);
    expect(report.unclear).toEqual([]);
  }, 900_000);
});
