// Styled runs, the common currency of the exporters, and the brief's Markdown (free text, notes)
// parsed once by markdown-it into simple blocks of runs for the formats that cannot take HTML (PDF, DOCX).
import MarkdownIt from 'markdown-it';

// markdown-it ships its own token types, which @types/markdown-it's Token does not match: name them by use.
type Markdown = InstanceType<typeof MarkdownIt>;
type Token = ReturnType<Markdown['parse']>[number];

/** A piece of text in one style. Every exporter knows how to write a list of runs. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** Only ever a safe link (see `safeHref`). */
  href?: string;
  /** A footnote marker: the note's number. */
  note?: number;
}

export type Block =
  | { kind: 'paragraph'; runs: Run[]; quoteDepth: number; listDepth: number; bullet: string | null }
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'code'; text: string; quoteDepth: number; listDepth: number }
  | { kind: 'rule' };

const SAFE_SCHEME = /^(?:https?:|mailto:|dossier:)/i;

/** Links an exported brief may carry: web, mail and the app's own passages; never javascript:, file: or data:. */
export function safeHref(url: string | null | undefined): string | null {
  const trimmed = (url ?? '').trim();
  return trimmed && SAFE_SCHEME.test(trimmed) && !/[\s<>"]/.test(trimmed) ? trimmed : null;
}

// Characters no document format can hold (XML 1.0 forbids them; PDF fonts have no glyphs for them).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(text: string): string {
  return text.replace(INVALID_CHARS, '').replace(/\r\n?/g, '\n');
}

/** One line: passages and titles keep their words but not their line breaks. */
export function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

/**
 * The one markdown-it setup for brief Markdown: no raw HTML, no images (an exported brief loads
 * nothing from outside), and links only to web, mail and dossier: addresses.
 */
export function createMarkdown(): Markdown {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.disable(['image']);
  md.validateLink = (url: string) => safeHref(url) !== null;
  return md;
}

export const markdown = createMarkdown();

function inlineRuns(token: Token): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  let italic = 0;
  const hrefs: Array<string | null> = [];
  const push = (text: string, code = false) => {
    if (!text) return;
    const href = hrefs.length ? hrefs[hrefs.length - 1] : null;
    const run: Run = { text };
    if (bold) run.bold = true;
    if (italic) run.italic = true;
    if (code) run.code = true;
    if (href) run.href = href;
    const last = runs[runs.length - 1];
    // Merging neighbours keeps PDF and DOCX output lean: markdown-it splits text at every special character.
    if (last && !code && !last.code && last.bold === run.bold && last.italic === run.italic && last.href === run.href) last.text += text;
    else runs.push(run);
  };
  for (const child of token.children ?? []) {
    switch (child.type) {
      case 'text':
      case 'text_special':
        push(child.content);
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        push('\n');
        break;
      case 'code_inline':
        push(child.content, true);
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold = Math.max(0, bold - 1);
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic = Math.max(0, italic - 1);
        break;
      case 'link_open':
        hrefs.push(safeHref(String(child.attrGet('href') ?? '')));
        break;
      case 'link_close':
        hrefs.pop();
        break;
      default:
        // Anything else markdown-it yields with html off (strikethrough marks, entities) reads as its text.
        if (child.content) push(child.content);
    }
  }
  return runs;
}

/** Markdown to blocks of runs: paragraphs (in quotes and lists), headings, code and rules. Tables read row by row. */
export function markdownBlocks(source: string): Block[] {
  const tokens = markdown.parse(cleanText(source), {});
  const blocks: Block[] = [];
  let quoteDepth = 0;
  const lists: Array<{ ordered: boolean; next: number }> = [];
  // The list marker goes on the first paragraph of an item only.
  let pendingBullet: string | null = null;
  let row: Run[][] | null = null;
  let heading = 0;

  for (const token of tokens) {
    switch (token.type) {
      case 'blockquote_open':
        quoteDepth++;
        break;
      case 'blockquote_close':
        quoteDepth = Math.max(0, quoteDepth - 1);
        break;
      case 'bullet_list_open':
        lists.push({ ordered: false, next: 1 });
        break;
      case 'ordered_list_open':
        lists.push({ ordered: true, next: Number(token.attrGet('start') ?? 1) || 1 });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        pendingBullet = list?.ordered ? `${list.next++}.` : '•';
        break;
      }
      case 'heading_open':
        heading = Number(token.tag.slice(1)) || 1;
        break;
      case 'heading_close':
        heading = 0;
        break;
      case 'tr_open':
        row = [];
        break;
      case 'tr_close':
        if (row?.length) {
          const runs: Run[] = [];
          row.forEach((cell, i) => {
            if (i) runs.push({ text: ' | ' });
            runs.push(...cell);
          });
          blocks.push({ kind: 'paragraph', runs, quoteDepth, listDepth: lists.length, bullet: null });
        }
        row = null;
        break;
      case 'inline': {
        const runs = inlineRuns(token);
        if (row) row.push(runs);
        else if (heading) blocks.push({ kind: 'heading', level: heading, runs });
        else if (runs.length || pendingBullet) {
          blocks.push({ kind: 'paragraph', runs, quoteDepth, listDepth: lists.length, bullet: pendingBullet });
          pendingBullet = null;
        }
        break;
      }
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'code', text: token.content.replace(/\n$/, ''), quoteDepth, listDepth: lists.length });
        break;
      case 'hr':
        blocks.push({ kind: 'rule' });
        break;
    }
  }
  return blocks;
}
