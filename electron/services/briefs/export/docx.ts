// Word export with the `docx` library: real heading styles (so Word's navigation pane and TOC
// work), real footnotes for citations, and tables for comparisons, disputes and sources.
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBordersOptions,
  type ParagraphChild,
} from 'docx';
import type { ResolvedBrief } from '../../../../shared/types/brief.ts';
import type { Certainty } from '../../../../shared/types/claims.ts';
import { CERTAINTY_COLORS } from '../../../../shared/certainty.ts';
import { claimDetails, citationRuns, formatDate, groupTitle, memberSource, memberVia, planBrief, VERDICT_LABEL, type NoteRef } from './citations.ts';
import { cleanText, markdownBlocks, oneLine, safeHref, type Block, type Run } from './rich-text.ts';

const SERIF = 'Georgia';
const SANS = 'Arial';
const MONO = 'Courier New';
const TEXT = '1D232B';
const MUTED = '5F6B78';
const RULE = 'C9D0D8';
const SOFT = 'F3F5F7';
// The app's own certainty colours (Word wants hex without the #).
const CERTAINTY_COLOR = Object.fromEntries(Object.entries(CERTAINTY_COLORS.light).map(([k, v]) => [k, v.slice(1).toUpperCase()])) as Record<Certainty, string>;
const VERDICT_COLOR: Record<string, string> = { conflicting: 'B3261E', evolving: 'A66A00' };

// A4 with one-inch margins: the width tables are laid out in, in twentieths of a point.
const PAGE_WIDTH = 11906;
const PAGE_HEIGHT = 16838;
const MARGIN = 1440;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

interface RunStyle {
  size?: number;
  color?: string;
  font?: string;
  italics?: boolean;
  bold?: boolean;
}

function textRuns(text: string, style: RunStyle, characterStyle?: string): TextRun[] {
  // Word has no newline character: a hard break inside a paragraph is a break element.
  return cleanText(text)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i ? 1 : undefined, style: characterStyle, ...style }));
}

function noteRun(ref: NoteRef): ParagraphChild {
  // A figure whose passage is already cited points at that footnote by number: Word numbers footnotes
  // in reference order, so the number matches, and a second footnote would repeat the passage.
  return ref.first ? new FootnoteReferenceRun(ref.n) : new TextRun({ text: String(ref.n), superScript: true });
}

function docxRuns(runs: Run[], base: RunStyle = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const run of runs) {
    if (run.note) {
      out.push(new TextRun({ text: String(run.note), superScript: true }));
      continue;
    }
    const style: RunStyle = { ...base };
    if (run.bold) style.bold = true;
    if (run.italic) style.italics = true;
    if (run.code) style.font = MONO;
    const href = safeHref(run.href);
    if (href) out.push(new ExternalHyperlink({ link: href, children: textRuns(run.text, style, 'Hyperlink') }));
    else out.push(...textRuns(run.text, style));
  }
  return out;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/** Brief Markdown as Word paragraphs; its headings sit one level under the brief's own. */
function markdownParagraphs(source: string, frame: { indent?: number; border?: IBordersOptions } = {}): Paragraph[] {
  const extraIndent = frame.indent ?? 0;
  const box = frame.border ? { border: frame.border } : {};
  return markdownBlocks(source).map((block: Block) => {
    switch (block.kind) {
      case 'heading':
        return new Paragraph({ heading: HEADINGS[Math.min(5, block.level)], children: docxRuns(block.runs), ...box, indent: { left: extraIndent } });
      case 'rule':
        return new Paragraph({ children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: RULE, space: 1 } }, indent: { left: extraIndent } });
      case 'code':
        return new Paragraph({
          children: textRuns(block.text, { font: MONO, size: 18 }),
          indent: { left: extraIndent + 360 * (block.quoteDepth + block.listDepth) },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: SOFT },
          ...box,
        });
      case 'paragraph': {
        const left = extraIndent + 360 * (block.quoteDepth + block.listDepth);
        const children: ParagraphChild[] = [];
        if (block.bullet) children.push(new TextRun({ children: [block.bullet, new Tab()] }));
        children.push(...docxRuns(block.runs, block.quoteDepth ? { color: MUTED } : {}));
        return new Paragraph({
          children,
          ...box,
          indent: block.bullet ? { left, hanging: 360 } : { left },
          ...(block.bullet ? { tabStops: [{ type: 'left', position: left }] } : {}),
        });
      }
    }
  });
}

const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 };

function cell(children: Paragraph[], width: number, header = false): TableCell {
  return new TableCell({
    children: children.length ? children : [new Paragraph('')],
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: SOFT } } : {}),
  });
}

function cellText(children: ParagraphChild[]): Paragraph {
  return new Paragraph({ style: 'TableText', children });
}

/** A ruled table (rules between rows, none between columns) that repeats its header across pages. */
function table(header: string[], fractions: number[], rows: Paragraph[][][]): Table {
  const total = fractions.reduce((a, b) => a + b, 0);
  const widths = fractions.map((f) => Math.floor((CONTENT_WIDTH * f) / total));
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: { style: BorderStyle.SINGLE, size: 8, color: TEXT },
      bottom: { style: BorderStyle.SINGLE, size: 8, color: TEXT },
      insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: RULE },
      left: none,
      right: none,
      insideVertical: none,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h, i) => cell([cellText([new TextRun({ text: h, bold: true })])], widths[i], true)),
      }),
      ...rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((c, i) => cell(c, widths[i])) })),
    ],
  });
}


export async function toDocx(brief: ResolvedBrief): Promise<Uint8Array> {
  const plan = planBrief(brief);
  const body: Array<Paragraph | Table> = [];
  const generated = formatDate(plan.generatedAt, true);
  body.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(plan.title)] }));
  body.push(
    new Paragraph({
      style: 'BriefMeta',
      children: [new TextRun(`Research brief${generated ? ` · generated ${generated}` : ''}`)],
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: TEXT, space: 8 } },
    }),
  );

  for (const item of plan.items) {
    switch (item.type) {
      case 'heading':
        body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(oneLine(item.text))] }));
        break;
      case 'text':
        body.push(...markdownParagraphs(item.markdown));
        break;
      case 'claim': {
        const { claim } = item;
        // Both paragraphs share the same left rule, which Word draws as one bar beside the claim.
        const border = { left: { style: BorderStyle.SINGLE, size: 18, color: CERTAINTY_COLOR[claim.certainty] ?? MUTED, space: 8 } };
        body.push(new Paragraph({ style: 'ClaimText', border, keepNext: true, keepLines: true, children: [new TextRun(oneLine(claim.text)), noteRun(item.note)] }));
        body.push(new Paragraph({ style: 'ClaimDetails', border, keepLines: true, children: docxRuns(claimDetails(claim)) }));
        break;
      }
      case 'note': {
        const border = { left: { style: BorderStyle.SINGLE, size: 18, color: RULE, space: 8 } };
        const label: ParagraphChild[] = [new TextRun({ text: 'NOTE', bold: true, font: SANS, size: 16, color: MUTED, characterSpacing: 20 })];
        if (item.note) label.push(noteRun(item.note));
        body.push(new Paragraph({ children: label, border, indent: { left: 200 }, keepNext: true, spacing: { before: 120, after: 60 } }));
        body.push(...markdownParagraphs(item.markdown, { indent: 200, border }));
        break;
      }
      case 'group': {
        const { group } = item;
        const reason = oneLine(group.reason);
        body.push(
          new Paragraph({
            keepNext: true,
            spacing: { before: 160, after: 80 },
            children: [
              new TextRun({ text: groupTitle(group), bold: true, font: SANS, size: 20 }),
              new TextRun({ text: ' · Verdict: ', font: SANS, size: 20, color: MUTED }),
              new TextRun({ text: VERDICT_LABEL[group.verdict], bold: true, font: SANS, size: 20, color: VERDICT_COLOR[group.verdict] ?? TEXT }),
              ...(reason ? [new TextRun({ text: ` — ${reason}`, font: SANS, size: 20, color: MUTED })] : []),
            ],
          }),
        );
        body.push(
          table(
            ['Source', 'Figure', 'Via'],
            [3, 2, 3],
            group.members.map((m, i) => [
              [cellText([new TextRun(memberSource(m))])],
              [cellText([new TextRun(oneLine(m.quantityText)), noteRun(item.notes[i])])],
              [cellText([new TextRun(memberVia(m))])],
            ]),
          ),
        );
        body.push(new Paragraph({ children: [], spacing: { after: 60 } }));
        break;
      }
    }
  }

  if (plan.disputes.length) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Figures in dispute')] }));
    body.push(
      table(
        ['Figure', 'Unit', 'Verdict', 'Reason', 'Figures given'],
        [1.6, 1, 1.1, 2.6, 2.8],
        plan.disputes.map(({ group, notes }) => [
          [cellText([new TextRun(oneLine(group.label))])],
          [cellText([new TextRun(oneLine(group.unit ?? '') || '—')])],
          [cellText([new TextRun({ text: VERDICT_LABEL[group.verdict], bold: true, color: VERDICT_COLOR[group.verdict] ?? TEXT })])],
          [cellText([new TextRun(oneLine(group.reason))])],
          group.members.map((m, i) => cellText([new TextRun(`${oneLine(m.quantityText)} (${memberSource(m)})`), noteRun(notes[i])])),
        ]),
      ),
    );
  }

  if (plan.sources.length) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Sources')] }));
    plan.bibliography.forEach((entry, i) => body.push(new Paragraph({ spacing: { after: 80 }, indent: { left: 360, hanging: 360 }, children: [new TextRun(`${i + 1}.\t`), ...docxRuns(entry.runs)] })));
  }

  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const { n, citation } of plan.footnotes) {
    footnotes[n] = { children: [new Paragraph({ style: 'FootnoteText', children: [new TextRun(' '), ...docxRuns(citationRuns(citation))] })] };
  }

  const doc = new Document({
    creator: 'Dossier',
    title: plan.title,
    description: `Research brief${generated ? ` generated ${generated}` : ''}`,
    features: { updateFields: false },
    styles: {
      default: {
        document: { run: { font: SERIF, size: 22, color: TEXT }, paragraph: { spacing: { after: 120, line: 288, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: SANS, size: 44, bold: true, color: TEXT }, paragraph: { spacing: { after: 80, line: 264, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: SANS, size: 30, bold: true, color: TEXT }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading2: { run: { font: SANS, size: 26, bold: true, color: TEXT }, paragraph: { spacing: { before: 280, after: 100 }, keepNext: true } },
        heading3: { run: { font: SANS, size: 23, bold: true, color: TEXT }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
        heading4: { run: { font: SANS, size: 22, bold: true, color: TEXT }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
        hyperlink: { run: { color: '2F5D8A', underline: {} } },
        footnoteText: { run: { font: SERIF, size: 17, color: TEXT }, paragraph: { spacing: { after: 60, line: 240, lineRule: LineRuleType.AUTO } } },
      },
      paragraphStyles: [
        { id: 'BriefMeta', name: 'Brief Meta', basedOn: 'Normal', run: { font: SANS, size: 18, color: MUTED }, paragraph: { spacing: { after: 360 } } },
        { id: 'ClaimText', name: 'Claim', basedOn: 'Normal', paragraph: { indent: { left: 200 }, spacing: { before: 160, after: 20 } } },
        { id: 'ClaimDetails', name: 'Claim Details', basedOn: 'Normal', run: { font: SANS, size: 16, color: MUTED }, paragraph: { indent: { left: 200 }, spacing: { after: 160 } } },
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { font: SANS, size: 17 }, paragraph: { spacing: { before: 0, after: 0, line: 252, lineRule: LineRuleType.AUTO } } },
      ],
    },
    footnotes,
    sections: [
      {
        properties: { page: { size: { width: PAGE_WIDTH, height: PAGE_HEIGHT }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [`${plan.title} · `, PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], font: SANS, size: 16, color: MUTED })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
