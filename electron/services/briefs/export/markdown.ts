// Markdown export: the brief as plain text that reads well raw and renders anywhere, with
// footnotes (`[^1]`) carrying each quoted passage and its source.
import type { ResolvedBrief } from '../../../../shared/types/brief.ts';
import { claimDetails, citationRuns, formatDate, groupTitle, memberSource, memberVia, planBrief, VERDICT_LABEL, type NoteRef } from './citations.ts';
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

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function toMarkdown(brief: ResolvedBrief): string {
  const plan = planBrief(brief);
  const blocks: string[] = [];
  blocks.push(`# ${escapeMarkdown(plan.title)}`);
  const generated = formatDate(plan.generatedAt, true);
  blocks.push(`*Research brief${generated ? ` · generated ${escapeMarkdown(generated)}` : ''}*`);

  for (const item of plan.items) {
    switch (item.type) {
      case 'heading':
        blocks.push(`## ${escapeMarkdown(item.text)}`);
        break;
      case 'text': {
        const text = cleanText(item.markdown).trim();
        if (text) blocks.push(text);
        break;
      }
      case 'claim':
        blocks.push(`> ${escapeMarkdown(item.claim.text)}${noteMark(item.note)}\n>\n> ${runsToMarkdown(claimDetails(item.claim))}`);
        break;
      case 'note': {
        blocks.push(`**Note**${noteMark(item.note)}`);
        const text = cleanText(item.markdown).trim();
        if (text) blocks.push(text);
        break;
      }
      case 'group': {
        const { group } = item;
        const reason = oneLine(group.reason);
        blocks.push(`**${escapeMarkdown(groupTitle(group))}** · Verdict: ${VERDICT_LABEL[group.verdict]}${reason ? ` — ${escapeMarkdown(reason)}` : ''}`);
        blocks.push(
          table(
            ['Source', 'Figure', 'Via'],
            group.members.map((m, i) => [escapeMarkdown(memberSource(m)), `${escapeMarkdown(m.quantityText)}${noteMark(item.notes[i])}`, escapeMarkdown(memberVia(m))]),
          ),
        );
        break;
      }
    }
  }

  if (plan.disputes.length) {
    blocks.push('## Figures in dispute');
    blocks.push(
      table(
        ['Figure', 'Unit', 'Verdict', 'Reason', 'Figures given'],
        plan.disputes.map(({ group, notes }) => [
          escapeMarkdown(group.label),
          escapeMarkdown(group.unit ?? '—'),
          VERDICT_LABEL[group.verdict],
          escapeMarkdown(group.reason),
          group.members.map((m, i) => `${escapeMarkdown(m.quantityText)} (${escapeMarkdown(memberSource(m))})${noteMark(notes[i])}`).join('; '),
        ]),
      ),
    );
  }

  if (plan.sources.length) {
    blocks.push('## Sources');
    blocks.push(plan.bibliography.map((entry, i) => `${i + 1}. ${runsToMarkdown(entry.runs)}`).join('\n'));
  }

  if (plan.footnotes.length) {
    blocks.push(plan.footnotes.map(({ n, citation }) => `[^${n}]: ${runsToMarkdown(citationRuns(citation))}`).join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}
