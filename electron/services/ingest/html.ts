// HTML pages: Readability (on a linkedom DOM) picks the article and its metadata; the walker turns
// the article into plain text. Only text leaves this module, never markup.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DetectedMetadata } from '../../../shared/types/ingest.ts';
import { domToDocument, type DomNode } from './dom-text.ts';
import type { DocBlock } from '../../../shared/types/blocks.ts';
import { cleanField, toIsoDate } from './text.ts';
import { cleanByline } from './byline.ts';
import { parseDate } from '../../../shared/text/dates.ts';

type Element = DomNode & { getAttribute(name: string): string | null; textContent: string | null };

interface LinkedomDocument extends DomNode {
  documentElement: DomNode | null;
  body: DomNode | null;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element>;
}

/** A date string from page metadata as ISO: machine forms directly, printed ones ("March 9, 2021") read. */
function pageDate(value: string | null | undefined): string | null {
  const text = cleanField(value);
  if (!text) return null;
  return /^\d{4}-\d{2}/.test(text) || /^D:/.test(text) ? toIsoDate(text) : (parseDate(text) ?? toIsoDate(text));
}

/** `datePublished` anywhere in the page's JSON-LD, including inside @graph lists and nested objects. */
function jsonLdDate(doc: LinkedomDocument): string | null {
  const scripts = Array.from(doc.querySelectorAll('script[type="application/ld+json"]'));
  const find = (node: unknown, depth: number): string | null => {
    if (!node || typeof node !== 'object' || depth > 6) return null;
    if (Array.isArray(node)) {
      for (const item of node) {
        const found = find(item, depth + 1);
        if (found) return found;
      }
      return null;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.datePublished === 'string') return record.datePublished;
    for (const value of Object.values(record)) {
      const found = find(value, depth + 1);
      if (found) return found;
    }
    return null;
  };
  for (const script of scripts) {
    try {
      const found = find(JSON.parse(script.textContent ?? ''), 0);
      if (found) return found;
    } catch {
      /* malformed JSON-LD is common; the other sources still count */
    }
  }
  return null;
}

const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[property="og:article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.date"]',
];

/**
 * The page's publication date: article:published_time and the like, JSON-LD datePublished, then a
 * <time> marked as the publication date, then the first <time datetime> in the page.
 */
export function htmlPublished(doc: LinkedomDocument): string | null {
  for (const selector of DATE_META) {
    const found = pageDate(doc.querySelector(selector)?.getAttribute('content'));
    if (found) return found;
  }
  const fromJsonLd = pageDate(jsonLdDate(doc));
  if (fromJsonLd) return fromJsonLd;
  const marked = doc.querySelector('time[itemprop="datePublished"], time[pubdate], [itemprop="datePublished"][datetime]');
  const time = marked ?? doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]');
  return pageDate(time?.getAttribute('datetime')) ?? pageDate(time?.textContent);
}

/**
 * linkedom builds the tree as written and does not imply missing <html>/<body> tags the way browsers
 * do; without them a fragment ends up outside <body>, where Readability never looks.
 */
function withDocumentShell(html: string): string {
  const hasHtml = /<html[\s>]/i.test(html);
  const hasBody = /<body[\s>]/i.test(html);
  if (hasHtml && hasBody) return html;
  const htmlTag = /<html\b[^>]*>/i.exec(html)?.[0] ?? '<html>';
  let inner = html.replace(/^\s*<!doctype[^>]*>/i, '').replace(/<\/?html\b[^>]*>/gi, '');
  if (!hasBody) {
    const headEnd = /<\/head\s*>/i.exec(inner);
    if (headEnd) {
      const cut = headEnd.index + headEnd[0].length;
      inner = `${inner.slice(0, cut)}<body>${inner.slice(cut)}</body>`;
    } else inner = `<body>${inner}</body>`;
  }
  return `<!DOCTYPE html>${htmlTag}${inner}</html>`;
}

export function parseHtmlDocument(html: string): LinkedomDocument {
  return parseHTML(withDocumentShell(html)).document as unknown as LinkedomDocument;
}

function absoluteUrl(value: string | null | undefined): string | null {
  const text = cleanField(value);
  if (!text) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null; // relative or malformed: no base to resolve it against offline
  }
}

function canonicalUrl(doc: LinkedomDocument): string | null {
  return (
    absoluteUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href')) ??
    absoluteUrl(doc.querySelector('meta[property="og:url"]')?.getAttribute('content')) ??
    absoluteUrl(doc.querySelector('meta[name="og:url"]')?.getAttribute('content'))
  );
}

/** Readability is recursive and slows quadratically with nesting; real pages stay far below this. */
const READABILITY_MAX_DEPTH = 400;

type TreeNode = DomNode & { parentNode: TreeNode | null; firstChild: TreeNode | null; nextSibling: TreeNode | null };

/** Whether the element tree under root is nested deeper than limit, walked without recursion. */
function nestedDeeperThan(root: TreeNode, limit: number): boolean {
  let depth = 0;
  let node = root.firstChild;
  while (node) {
    if (node.firstChild) {
      if (++depth > limit) return true;
      node = node.firstChild;
      continue;
    }
    while (node && !node.nextSibling) {
      node = node.parentNode;
      depth--;
      if (!node || node === root) return false;
    }
    node = node ? node.nextSibling : null;
  }
  return false;
}

export interface HtmlExtraction {
  text: string;
  blocks: DocBlock[];
  meta: DetectedMetadata;
}

export function extractHtml(html: string): HtmlExtraction {
  const doc = parseHtmlDocument(html);
  // Read before Readability runs: it rewrites the document in place.
  const url = canonicalUrl(doc);
  const htmlLang = cleanField(doc.documentElement?.getAttribute?.('lang'));
  const pageTitle = cleanField(doc.querySelector('title')?.textContent);
  const published = htmlPublished(doc);

  let article: ReturnType<Readability<DomNode>['parse']> = null;
  // Pathologically nested markup would keep Readability busy for minutes: such pages use the fallback.
  // Walk from <html>: linkedom gives the doctype node no next sibling, so the document root would stop at once.
  const useReadability = !nestedDeeperThan((doc.documentElement ?? doc) as unknown as TreeNode, READABILITY_MAX_DEPTH);
  if (useReadability) {
    try {
      // The serializer hands back the article element itself, so it is walked once instead of re-parsed.
      article = new Readability<DomNode>(doc as never, { serializer: (node) => node as unknown as DomNode }).parse();
    } catch {
      article = null; // unusual markup can trip Readability; the whole body is still worth keeping
    }
  }

  let read = article?.content ? domToDocument(article.content) : { text: '', blocks: [] };
  if (!read.text.trim()) {
    // Readability found no article (e.g. a short page): fall back to everything visible in the page,
    // from a fresh parse since Readability has pruned the first one.
    const fallback = useReadability ? parseHtmlDocument(html) : doc;
    read = domToDocument(fallback.body ?? fallback.documentElement ?? fallback);
  }

  return {
    text: read.text,
    blocks: read.blocks,
    meta: {
      title: cleanField(article?.title) ?? pageTitle,
      author: cleanByline(cleanField(article?.byline)),
      outlet: cleanField(article?.siteName),
      published: published ?? pageDate(article?.publishedTime),
      url,
      lang: cleanField(article?.lang) ?? htmlLang,
      excerpt: cleanField(article?.excerpt),
    },
  };
}
