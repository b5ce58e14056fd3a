// Exported HTML is inert: a restrictive CSP in the page itself, and a remote image in a note (a
// tracking pixel) becomes a plain link that nothing loads when the file is opened.
import { describe, expect, it } from 'vitest';
import { HTML_CSP, markdownToHtml } from '../../../electron/services/briefs/export/html.ts';

describe('HTML export of note Markdown', () => {
  it('turns remote images into links and never emits a loading attribute', () => {
    const html = markdownToHtml(
      'Seen ![pixel](https://tracker.example/p.gif?u=42) and <img src="https://t.example/x.png"> with ![ref][r]\n\n[r]: http://cdn.example/y.png',
    );
    expect(html).toContain('<a href="https://tracker.example/p.gif?u=42">pixel</a>');
    expect(html).toContain('<a href="http://cdn.example/y.png">ref</a>');
    expect(html).not.toMatch(/<img|<[^>]*\s(src|srcset)=|url\(/i);
    expect(html).toContain('&lt;img src=&quot;https://t.example/x.png&quot;&gt;');
  });

  it('forbids every remote load in its CSP', () => {
    expect(HTML_CSP).toContain("default-src 'none'");
    expect(HTML_CSP).not.toMatch(/https?:|\*/);
  });
});
