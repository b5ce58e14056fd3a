// Seed files for fuzzing import: real pages and Word files from ../shared/formats when present, the
// project's own HTML fixtures, and PDF and DOCX files made here with pdfkit and docx.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import PDFDocument from 'pdfkit';
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

export interface Seed {
  name: string;
  bytes: Uint8Array;
}

const root = process.cwd();

async function pdfSeed(pages: string[][], title: string): Promise<Uint8Array> {
  const doc = new PDFDocument({ info: { Title: title, Author: 'Dossier fuzz seed' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  pages.forEach((paragraphs, i) => {
    if (i > 0) doc.addPage();
    for (const p of paragraphs) doc.fontSize(12).text(p).moveDown();
  });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

async function docxSeed(): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'Dossier fuzz seed',
    title: 'Budget hearing notes',
    footnotes: { 1: { children: [new Paragraph('Figures from the finance committee draft.')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Budget hearing notes', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('The committee said spending would rise by 4.2 percent next year.'), new FootnoteReferenceRun(1)] }),
          new Paragraph({ text: 'Road repairs: 14 million', bullet: { level: 0 } }),
          new Paragraph({ text: 'School meals: 6 million', bullet: { level: 0 } }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function loadSeeds(): Promise<{ seeds: Seed[]; sharedUsed: boolean }> {
  const seeds: Seed[] = [];
  const shared = resolve(root, '..', 'shared', 'formats');
  const sharedUsed = existsSync(shared);
  if (sharedUsed) {
    for (const page of readdirSync(join(shared, 'html'))) {
      const file = join(shared, 'html', page, 'source.html');
      if (existsSync(file)) seeds.push({ name: `${page}.html`, bytes: readFileSync(file) });
    }
    for (const file of readdirSync(join(shared, 'docx')).filter((f) => f.endsWith('.docx'))) {
      seeds.push({ name: file, bytes: readFileSync(join(shared, 'docx', file)) });
    }
  }
  for (const file of readdirSync(join(root, 'tests', 'fixtures')).filter((f) => f.endsWith('.html'))) {
    seeds.push({ name: file, bytes: readFileSync(join(root, 'tests', 'fixtures', file)) });
  }
  seeds.push({ name: 'one-page.pdf', bytes: await pdfSeed([['The ministry said 1,200 schools reopened on Monday.', 'Teachers returned after a strike of three weeks.']], 'Schools reopen') });
  seeds.push({
    name: 'three-pages.pdf',
    bytes: await pdfSeed(
      [['Page one: the river rose by two metres.'], ['Page two: some 300 homes were flooded, officials said.'], ['Page three: repairs could take up to 18 months.']],
      'Flood report',
    ),
  });
  seeds.push({ name: 'budget.docx', bytes: await docxSeed() });
  return { seeds, sharedUsed };
}
