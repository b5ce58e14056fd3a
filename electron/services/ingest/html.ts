// HTML pages: Readability (on a linkedom DOM) picks the article and its metadata; the walker turns
// the article into plain text. Only text leaves this module, never markup.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DetectedMetadata } from '../../../shared/types/ingest.ts';
import { domToDocument, type DomNode } from './dom-text.ts';
import type { DocBlock } from '../../../shared/types/blocks.ts';
import { cleanField, toIsoDate } from './text.ts';

interface LinkedomDocument extends DomNode {
  documentElement: DomNode | null;
  body: DomNode | null;
  querySelector(selector: string): (DomNode & { getAttribute(name: string): string | null }) | null;
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
      author: cleanField(article?.byline),
      outlet: cleanField(article?.siteName),
      published: toIsoDate(article?.publishedTime),
      url,
      lang: cleanField(article?.lang) ?? htmlLang,
      excerpt: cleanField(article?.excerpt),
    },
  };
}
