// Markdown for notes: markdown-it with raw HTML turned off, and DOMPurify over its output, because the
// result goes through v-html and a note may hold text pasted from anywhere.
import MarkdownIt from 'markdown-it';
import DOMPurify from 'dompurify';

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

let hooked = false;
function ensureLinkHook(): void {
  if (hooked) return;
  hooked = true;
  // Links in notes open outside the app (the desktop host routes new windows to the system browser).
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.getAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
}

export function renderMarkdown(source: string): string {
  ensureLinkHook();
  return DOMPurify.sanitize(markdown.render(source), { USE_PROFILES: { html: true }, FORBID_ATTR: ['style'], FORBID_TAGS: ['style'] });
}

/** Plain text of a note for one-line previews (titles, the palette), without Markdown markers. */
export function plainPreview(source: string, max = 140): string {
  const text = source
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[#>\-*+\s]+|[*_`~]+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
