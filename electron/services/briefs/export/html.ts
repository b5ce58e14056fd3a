// HTML export: one self-contained page (inline styles, no scripts, nothing loaded from outside,
// a CSP that forbids it anyway) that reads well on screen in light or dark and prints cleanly.
import type { ResolvedBrief } from '../../../../shared/types/brief.ts';
import { claimDetails, citationRuns, formatDate, groupTitle, memberSource, memberVia, VERDICT_LABEL, type BibliographyEntry, type Footnote, type NoteRef, type PlannedDispute, type PlannedItem } from './citations.ts';
import type { ExportOutput } from './output.ts';
import { renderText, streamText, type Emit, type StreamedBrief, type TextWriter } from './streamed.ts';
import { cleanText, markdown, oneLine, type Run } from './rich-text.ts';
import { CERTAINTY_COLORS } from '../../../../shared/certainty.ts';

export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Brief Markdown, with headings one level down so they sit under the brief's own. */
export function markdownToHtml(source: string): string {
  const tokens = markdown.parse(cleanText(source), {});
  for (const token of tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 1)}`;
  }
  return markdown.renderer.render(tokens, markdown.options, {});
}

function noteRef(ref: NoteRef | null | undefined): string {
  if (!ref) return '';
  // Only the first reference to a note gets the id its back-link returns to.
  const id = ref.first ? ` id="fnref-${ref.n}"` : '';
  return `<sup class="fnref"><a href="#fn-${ref.n}"${id} aria-label="Note ${ref.n}">${ref.n}</a></sup>`;
}

export function runsToHtml(runs: Run[]): string {
  return runs
    .map((run) => {
      if (run.note) return noteRef({ n: run.note, first: false });
      let html = escapeHtml(run.text);
      if (run.code) html = `<code>${html}</code>`;
      // The only plain italic runs the exporters build are document titles, which HTML marks as <cite>.
      if (run.italic) html = run.href || run.bold || run.code ? `<em>${html}</em>` : `<cite>${html}</cite>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      if (run.href) html = `<a href="${escapeHtml(run.href)}">${html}</a>`;
      return html;
    })
    .join('');
}

const C = CERTAINTY_COLORS;

const STYLE = `
:root {
  color-scheme: light dark;
  --text: #1d232b; --muted: #5f6b78; --bg: #ffffff; --rule: #d9dee4; --soft: #f4f6f8;
  --accent: #2f5d8a; --asserted: ${C.light.asserted}; --attributed: ${C.light.attributed}; --hedged: ${C.light.hedged}; --dispute: #b3261e;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e3e7ec; --muted: #9aa6b2; --bg: #14181d; --rule: #323a44; --soft: #1c2229;
    --accent: #8ab4e0; --asserted: ${C.dark.asserted}; --attributed: ${C.dark.attributed}; --hedged: ${C.dark.hedged}; --dispute: #f08b84;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--text); }
body { margin: 0; font: 17px/1.6 Charter, "Iowan Old Style", Georgia, Cambria, "Times New Roman", serif; }
main { max-width: 46rem; margin: 0 auto; padding: 3rem 1.5rem 4rem; }
h1, h2, h3, h4, h5, h6, .meta, .details, table, .label, .footnotes, .sources, .fnref {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .4rem; }
h2 { font-size: 1.3rem; margin: 2.4rem 0 .8rem; padding-bottom: .3rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 1.8rem 0 .6rem; }
h4, h5, h6 { font-size: 1rem; margin: 1.4rem 0 .5rem; }
p { margin: 0 0 1rem; }
a { color: var(--accent); text-decoration-thickness: 1px; text-underline-offset: 2px; overflow-wrap: anywhere; }
cite { font-style: italic; }
code, pre { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: .88em; background: var(--soft); border-radius: 3px; }
code { padding: .1em .3em; }
pre { padding: .8rem 1rem; overflow-x: auto; }
pre code { padding: 0; background: none; }
blockquote { margin: 0 0 1rem; padding-left: 1rem; border-left: 3px solid var(--rule); color: var(--muted); }
.meta { color: var(--muted); font-size: .9rem; margin: 0 0 2rem; padding-bottom: 1rem; border-bottom: 2px solid var(--text); }
.claim { margin: 0 0 1.3rem; padding: .1rem 0 .1rem 1rem; border-left: 3px solid var(--attributed); break-inside: avoid; }
.claim.asserted { border-left-color: var(--asserted); }
.claim.hedged { border-left-color: var(--hedged); }
.claim p { margin: 0; }
.claim .details, .group .details { color: var(--muted); font-size: .82rem; margin-top: .25rem; }
.claim .details strong { color: var(--text); font-weight: 600; }
.note { margin: 0 0 1.3rem; padding: .8rem 1rem .1rem; background: var(--soft); border-radius: 4px; break-inside: avoid; }
.note .label { display: block; font-size: .75rem; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); margin-bottom: .3rem; }
.group { margin: 0 0 1.5rem; break-inside: avoid; }
.group .caption { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: .95rem; margin-bottom: .4rem; }
.verdict { font-weight: 600; }
.verdict.conflicting { color: var(--dispute); }
.verdict.evolving { color: var(--hedged); }
table { width: 100%; border-collapse: collapse; font-size: .85rem; line-height: 1.45; margin: 0 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--rule); }
th { font-weight: 600; border-bottom: 2px solid var(--text); }
td ul { margin: 0; padding-left: 1rem; }
.sources ol, .footnotes ol { padding-left: 1.6rem; font-size: .86rem; line-height: 1.5; }
.sources li, .footnotes li { margin-bottom: .5rem; }
.footnotes li:target { background: var(--soft); }
.fnref { font-size: .7em; line-height: 0; margin-left: .1em; }
.fnref a { text-decoration: none; }
.backref { text-decoration: none; margin-left: .3em; }
@media print {
  :root { --text: #000; --muted: #444; --bg: #fff; --rule: #bbb; --soft: #f2f2f2; --accent: #000; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  a { text-decoration: none; }
  .backref { display: none; }
  h2, h3 { break-after: avoid; }
  tr, .claim, .note { break-inside: avoid; }
  @page { margin: 2cm; }
}
`;

function tableRow(cells: string[]): string {
  return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}

function tableHead(header: string[]): string {
  return `<table>\n<thead><tr>${header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>\n<tbody>\n`;
}

function table(header: string[], rows: string[][]): string {
  return `${tableHead(header)}${rows.map(tableRow).join('\n')}\n</tbody>\n</table>`;
}

/** The page's parts, one per line inside <main>; the notes close it. */
function htmlWriter(emit: Emit): TextWriter {
  const part = (html: string) => emit(`${html}\n`);
  return {
    begin(title, generatedAt) {
      emit(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Dossier">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
`);
      const generated = formatDate(generatedAt, true);
      part(`<header>\n<h1>${escapeHtml(title)}</h1>`);
      part(`<p class="meta">Research brief${generated ? ` · generated <time datetime="${escapeHtml(oneLine(generatedAt))}">${escapeHtml(generated)}</time>` : ''}</p>\n</header>`);
    },
    item(item: PlannedItem) {
      switch (item.type) {
        case 'heading':
          part(`<h2>${escapeHtml(oneLine(item.text))}</h2>`);
          break;
        case 'text':
          part(markdownToHtml(item.markdown).trim());
          break;
        case 'claim': {
          const { claim } = item;
          part(`<div class="claim ${escapeHtml(claim.certainty)}">\n<p>${escapeHtml(oneLine(claim.text))}${noteRef(item.note)}</p>\n<p class="details">${runsToHtml(claimDetails(claim))}</p>\n</div>`);
          break;
        }
        case 'note':
          part(`<aside class="note">\n<span class="label">Note${noteRef(item.note)}</span>\n${markdownToHtml(item.markdown).trim()}\n</aside>`);
          break;
        case 'group': {
          const { group } = item;
          const reason = oneLine(group.reason);
          const rows = group.members.map((m, i) => [escapeHtml(memberSource(m)), `${escapeHtml(oneLine(m.quantityText))}${noteRef(item.notes[i])}`, escapeHtml(memberVia(m))]);
          part(
            `<div class="group">\n<p class="caption"><strong>${escapeHtml(groupTitle(group))}</strong> · Verdict: <span class="verdict ${group.verdict}">${VERDICT_LABEL[group.verdict]}</span>${reason ? ` — ${escapeHtml(reason)}` : ''}</p>\n${table(['Source', 'Figure', 'Via'], rows)}\n</div>`,
          );
          break;
        }
      }
    },
    // Row by row: a brief over a whole library can dispute a thousand figures, each given thousands of times.
    dispute({ group, notes }: PlannedDispute, index: number) {
      if (index === 0) emit(`<section class="disputes">\n<h2>Figures in dispute</h2>\n${tableHead(['Figure', 'Unit', 'Verdict', 'Reason', 'Figures given'])}`);
      const row = tableRow([
        escapeHtml(oneLine(group.label)),
        escapeHtml(oneLine(group.unit ?? '') || '—'),
        `<span class="verdict ${group.verdict}">${VERDICT_LABEL[group.verdict]}</span>`,
        escapeHtml(oneLine(group.reason)),
        `<ul>${group.members.map((m, j) => `<li>${escapeHtml(oneLine(m.quantityText))} (${escapeHtml(memberSource(m))})${noteRef(notes[j])}</li>`).join('')}</ul>`,
      ]);
      emit(index ? `\n${row}` : row);
    },
    disputesEnd(count: number) {
      if (count) part('\n</tbody>\n</table>\n</section>');
    },
    sources(bibliography: BibliographyEntry[]) {
      if (!bibliography.length) return;
      part(`<section class="sources">\n<h2>Sources</h2>\n<ol>\n${bibliography.map((entry) => `<li>${runsToHtml(entry.runs)}</li>`).join('\n')}\n</ol>\n</section>`);
    },
    footnote({ n, citation }: Footnote) {
      return `<li id="fn-${n}">${runsToHtml(citationRuns(citation))} <a class="backref" href="#fnref-${n}" aria-label="Back to text">↩</a></li>\n`;
    },
    notesBegin() {
      emit('<section class="footnotes">\n<h2>Notes</h2>\n<ol>\n');
    },
    notesEnd() {
      part('</ol>\n</section>');
    },
    end() {
      emit('</main>\n</body>\n</html>\n');
    },
  };
}

export function toHtml(brief: ResolvedBrief): string {
  return renderText(brief, htmlWriter);
}

/** Writes the brief as its items arrive. */
export function writeHtml(brief: StreamedBrief, out: ExportOutput): Promise<void> {
  return streamText(brief, htmlWriter, out);
}
