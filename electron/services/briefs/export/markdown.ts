// Markdown export: the brief as plain text that reads well raw and renders anywhere, with
// footnotes (`[^1]`) carrying each quoted passage and its source.
import type { ResolvedBrief } from '../../../../shared/types/brief.ts';
import { claimDetails, citationRuns, formatDate, groupTitle, memberSource, memberVia, VERDICT_LABEL, type BibliographyEntry, type Footnote, type NoteRef, type PlannedDispute, type PlannedItem } from './citations.ts';
import type { ExportOutput } from './output.ts';
import { renderText, streamText, type Emit, type StreamedBrief, type TextWriter } from './streamed.ts';
import { cleanText, oneLine, type Run } from './rich-text.ts';

/** Backslash-escapes what Markdown would read as syntax, so titles and quotes come out as written. */
export function escapeMarkdown(text: string): string {
  return escapeLineStart(escapeInline(oneLine(text)));
}

function escapeInline(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|~&]/g, '\\$&');
}

// At the start of a line these would open a heading, a list or a setext underline.
function escapeLineStart(text: string): string {
  return text.replace(/^([#=+-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((t) => t.length));
  const fence = '`'.repeat(longest + 1);
  return text.startsWith('`') || text.endsWith('`') ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** Emphasis markers must touch the words, so surrounding spaces move outside them. */
function wrap(text: string, marker: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] ? `${m[1]}${marker}${m[2]}${marker}${m[3]}` : text;
}

function noteMark(ref: NoteRef | null | undefined): string {
  return ref ? `[^${ref.n}]` : '';
}

export function runsToMarkdown(runs: Run[]): string {
  const text = runs
    .map((run) => {
      if (run.note) return `[^${run.note}]`;
      let text = run.code ? code(oneLine(run.text)) : escapeInline(run.text);
      if (run.italic && !run.code) text = wrap(text, '*');
      if (run.bold && !run.code) text = wrap(text, '**');
      if (run.href) text = run.text === run.href ? `<${run.href}>` : `[${text}](<${run.href}>)`;
      return text;
    })
    .join('');
  return escapeLineStart(text);
}

function tableRow(cells: string[]): string {
  return `| ${cells.map((c) => c || ' ').join(' | ')} |`;
}

function table(header: string[], rows: string[][]): string {
  return [tableRow(header), tableRow(header.map(() => '---')), ...rows.map(tableRow)].join('\n');
}

/** Markdown blocks, separated by blank lines; footnote definitions close the file, one per line. */
function markdownWriter(emit: Emit): TextWriter {
  let started = false;
  const block = (text: string) => {
    emit(started ? `\n\n${text}` : text);
    started = true;
  };
  return {
    begin(title, generatedAt) {
      block(`# ${escapeMarkdown(title)}`);
      const generated = formatDate(generatedAt, true);
      block(`*Research brief${generated ? ` · generated ${escapeMarkdown(generated)}` : ''}*`);
    },
    item(item: PlannedItem) {
      switch (item.type) {
        case 'heading':
          block(`## ${escapeMarkdown(item.text)}`);
          break;
        case 'text': {
          const text = cleanText(item.markdown).trim();
          if (text) block(text);
          break;
        }
        case 'claim':
          block(`> ${escapeMarkdown(item.claim.text)}${noteMark(item.note)}\n>\n> ${runsToMarkdown(claimDetails(item.claim))}`);
          break;
        case 'note': {
          block(`**Note**${noteMark(item.note)}`);
          const text = cleanText(item.markdown).trim();
          if (text) block(text);
          break;
        }
        case 'group': {
          const { group } = item;
          const reason = oneLine(group.reason);
          block(`**${escapeMarkdown(groupTitle(group))}** · Verdict: ${VERDICT_LABEL[group.verdict]}${reason ? ` — ${escapeMarkdown(reason)}` : ''}`);
          block(
            table(
              ['Source', 'Figure', 'Via'],
              group.members.map((m, i) => [escapeMarkdown(memberSource(m)), `${escapeMarkdown(m.quantityText)}${noteMark(item.notes[i])}`, escapeMarkdown(memberVia(m))]),
            ),
          );
          break;
        }
      }
    },
    // Row by row: a brief over a whole library can dispute a thousand figures, each given thousands of times.
    dispute({ group, notes }: PlannedDispute, index: number) {
      if (index === 0) {
        block('## Figures in dispute');
        const header = ['Figure', 'Unit', 'Verdict', 'Reason', 'Figures given'];
        block(`${tableRow(header)}\n${tableRow(header.map(() => '---'))}`);
      }
      emit(
        `\n${tableRow([
          escapeMarkdown(group.label),
          escapeMarkdown(group.unit ?? '—'),
          VERDICT_LABEL[group.verdict],
          escapeMarkdown(group.reason),
          group.members.map((m, i) => `${escapeMarkdown(m.quantityText)} (${escapeMarkdown(memberSource(m))})${noteMark(notes[i])}`).join('; '),
        ])}`,
      );
    },
    disputesEnd() {},
    sources(bibliography: BibliographyEntry[]) {
      if (!bibliography.length) return;
      block('## Sources');
      block(bibliography.map((entry, i) => `${i + 1}. ${runsToMarkdown(entry.runs)}`).join('\n'));
    },
    footnote({ n, citation }: Footnote) {
      return `[^${n}]: ${runsToMarkdown(citationRuns(citation))}\n`;
    },
    notesBegin() {
      emit('\n\n');
    },
    notesEnd() {},
    end(hasNotes) {
      // The footnote lines already end the file with a line break.
      if (!hasNotes) emit('\n');
    },
  };
}

export function toMarkdown(brief: ResolvedBrief): string {
  return renderText(brief, markdownWriter);
}

/** Writes the brief as its items arrive. */
export function writeMarkdown(brief: StreamedBrief, out: ExportOutput): Promise<void> {
  return streamText(brief, markdownWriter, out);
}
