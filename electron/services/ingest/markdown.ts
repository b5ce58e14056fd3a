// Markdown: optional YAML front matter for metadata, markdown-it for structure, then the shared
// DOM walker for text, so lists, tables and headings read the same as in HTML and DOCX.
import MarkdownIt from 'markdown-it';
import type { DetectedMetadata } from '../../../shared/types/ingest.ts';
import { domToDocument } from './dom-text.ts';
import type { DocBlock } from '../../../shared/types/blocks.ts';
import { parseHtmlDocument } from './html.ts';
import { cleanField, toIsoDate } from './text.ts';

// Raw HTML is let through because the walker only ever reads text out of it (scripts are skipped).
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

type FrontMatterValue = string | string[];

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && ((v[0] === '"' && v.endsWith('"')) || (v[0] === "'" && v.endsWith("'")))) {
    return v[0] === '"' ? v.slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, '\\') : v.slice(1, -1).replace(/''/g, "'");
  }
  return v.replace(/\s+#.*$/, ''); // trailing YAML comment
}

/**
 * The flat subset of YAML that front matter uses in practice: `key: value`, quoted strings,
 * `[a, b]` and `- item` lists, `|`/`>` blocks, and `- name: X` author entries. Nested maps are ignored.
 */
export function parseFrontMatter(yaml: string): Record<string, FrontMatterValue> {
  const result: Record<string, FrontMatterValue> = {};
  const lines = yaml.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([A-Za-z_][\w.-]*)\s*:(?:\s+(.*))?$/.exec(lines[i].replace(/\s+$/, ''));
    if (!match) continue;
    const key = match[1].toLowerCase().replace(/[_-]/g, '');
    const raw = (match[2] ?? '').trim();
    if (raw === '' || raw === '|' || raw === '>' || /^[|>][+-]?$/.test(raw)) {
      const block: string[] = [];
      while (i + 1 < lines.length && (/^\s+\S/.test(lines[i + 1]) || lines[i + 1].trim() === '')) block.push(lines[++i]);
      const items = block.filter((l) => /^\s*-\s+/.test(l)).map((l) => unquote(l.replace(/^\s*-\s+/, '').replace(/^name\s*:\s*/, '')));
      if (raw === '' && items.length) result[key] = items;
      else if (raw !== '') result[key] = block.map((l) => l.trim()).join(raw.startsWith('|') ? '\n' : ' ').trim();
      else {
        const name = block.map((l) => /^\s*name\s*:\s*(.+)$/.exec(l)?.[1]).find(Boolean);
        if (name) result[key] = unquote(name);
      }
    } else if (raw.startsWith('[') && raw.endsWith(']')) {
      result[key] = raw.slice(1, -1).split(',').map(unquote).filter(Boolean);
    } else {
      result[key] = unquote(raw);
    }
  }
  return result;
}

function pick(fm: Record<string, FrontMatterValue>, keys: string[]): string | null {
  for (const key of keys) {
    const value = fm[key];
    const text = Array.isArray(value) ? value.filter(Boolean).join(', ') : value;
    const cleaned = cleanField(text);
    if (cleaned) return cleaned;
  }
  return null;
}

function httpUrl(value: string | null): string | null {
  return value && /^https?:\/\/\S+$/i.test(value) ? value : null;
}

function notUrl(value: string | null): string | null {
  return value && !/^https?:\/\//i.test(value) ? value : null;
}

/** Splits `---\n…\n---` front matter off the top; only at the very start, as static-site tools do. */
export function splitFrontMatter(source: string): { yaml: string | null; body: string } {
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source);
  return match ? { yaml: match[1], body: source.slice(match[0].length) } : { yaml: null, body: source };
}

export function extractMarkdown(source: string): { text: string; blocks: DocBlock[]; meta: DetectedMetadata } {
  const { yaml, body } = splitFrontMatter(source);
  const fm = yaml ? parseFrontMatter(yaml) : {};
  const doc = parseHtmlDocument(`<!doctype html><html><body>${markdown.render(body)}</body></html>`);
  const root = doc.body ?? doc;
  const firstHeading = cleanField(doc.querySelector('h1')?.textContent);
  return {
    ...domToDocument(root),
    meta: {
      title: pick(fm, ['title']) ?? firstHeading,
      author: pick(fm, ['author', 'authors', 'byline', 'by', 'creator']),
      outlet: notUrl(pick(fm, ['outlet', 'publisher', 'publication', 'sitename', 'site'])) ?? notUrl(pick(fm, ['source'])),
      published: toIsoDate(pick(fm, ['date', 'published', 'publishdate', 'publishedat', 'pubdate', 'created'])),
      url: httpUrl(pick(fm, ['url', 'canonical', 'canonicalurl', 'link', 'sourceurl', 'permalink'])) ?? httpUrl(pick(fm, ['source'])),
      lang: pick(fm, ['lang', 'language', 'locale']),
      excerpt: pick(fm, ['description', 'summary', 'excerpt', 'abstract']),
    },
  };
}
