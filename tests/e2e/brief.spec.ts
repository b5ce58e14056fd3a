// Composing a brief in the app from two documents' claims and a note, and exporting it as Markdown,
// HTML, PDF and Word: every quoted passage and citation must be in each file.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { test, expect } from './host';

const fixtures = join(process.cwd(), 'tests', 'fixtures');
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
/** Text extracted from PDFs and Word files may re-wrap lines and hyphenate long links. */
const flat = (s: string) => s.replace(/[\s\u00ad-]+/g, '').replace(/[“”"]/g, '"').replace(/[‘’']/g, "'");

async function api<T>(page: Page, origin: string, token: string, channel: string, body: unknown): Promise<T> {
  const response = await page.request.post(`${origin}/api/${channel}`, { headers: { authorization: `Bearer ${token}` }, data: body });
  return ((await response.json()) as { result: T }).result;
}

test('composes a brief from two documents and a note, and exports it in four formats', async ({ page, host }) => {
  test.setTimeout(240_000);
  const out = mkdtempSync(join(tmpdir(), 'dossier-brief-'));
  try {
    await page.goto(host.url);
    await page.getByTestId('import-input').setInputFiles([join(fixtures, 'briefing-aid.txt'), join(fixtures, 'wetlands.html')]);
    await expect(page.getByRole('listitem')).toHaveCount(2);
    const docs = await api<Array<{ id: string; title: string }>>(page, host.origin, host.token, 'library:list', {});
    const aid = docs.find((d) => d.title.startsWith('Relief agencies'))!;
    const wetlands = docs.find((d) => d.title.startsWith('Wetland'))!;
    const note = await api<{ id: string }>(page, host.origin, host.token, 'notes:create', { docId: aid.id, start: 0, end: 40, body: 'Ask the **coordinator** for the tonnage by district.' });
    expect(note.id).toBeTruthy();

    await page.getByRole('button', { name: 'Brief', exact: true }).click();
    await page.getByRole('button', { name: 'New brief' }).first().click();
    await page.getByRole('textbox', { name: 'Brief title' }).fill('Floods and wetlands');
    await page.getByRole('button', { name: '+ Heading' }).click();
    await page.getByRole('textbox', { name: 'Heading text' }).fill('What the sources say');

    const material = page.getByLabel('Material');
    const claimsOf = async (docId: string) => (await api<{ claims: Array<{ text: string }> }>(page, host.origin, host.token, 'claims:list', { id: docId })).claims;
    const quotes: string[] = [];
    for (const doc of [aid, wetlands]) {
      await material.getByRole('combobox', { name: 'Document to take claims from' }).selectOption(doc.id);
      const claims = await claimsOf(doc.id);
      for (const claim of claims.slice(0, 2)) {
        await material.getByRole('button', { name: `Add claim to brief: ${claim.text.slice(0, 60)}` }).click();
        quotes.push(claim.text);
      }
    }
    await material.getByRole('tab', { name: 'Notes' }).click();
    await material.getByRole('button', { name: /^Add note to brief: Ask the/ }).click();
    const outline = page.getByRole('list', { name: 'Brief outline' });
    await expect(outline.locator('.brief-item')).toHaveCount(6);
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

    const files: Record<string, string> = {};
    for (const [format, label] of [['md', 'Markdown'], ['html', 'HTML'], ['pdf', 'PDF'], ['docx', 'Word']] as const) {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: `Export as ${label}` }).click();
      const file = join(out, `brief.${format}`);
      await (await download).saveAs(file);
      files[format] = file;
    }

    const texts: Record<string, string> = {
      md: readFileSync(files.md, 'utf8'),
      html: readFileSync(files.html, 'utf8'),
    };
    if (has('pdftotext')) texts.pdf = execFileSync('pdftotext', ['-layout', files.pdf, '-'], { encoding: 'utf8' });
    const zip = await JSZip.loadAsync(readFileSync(files.docx));
    const xmlText = async (part: string) => ((await zip.file(part)?.async('string')) ?? '').replace(/<[^>]+>/g, '');
    texts.docx = (await xmlText('word/document.xml')) + (await xmlText('word/footnotes.xml'));
    const docxLinks = (await zip.file('word/_rels/footnotes.xml.rels')?.async('string')) ?? '';
    for (const doc of [aid, wetlands]) expect(docxLinks, `docx links ${doc.id}`).toContain(`dossier://doc/${doc.id}`);

    const notePassage = 'Relief agencies delivered some 4,500 ton';
    for (const [format, text] of Object.entries(texts)) {
      const body = flat(format === 'html' ? text.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&') : text);
      for (const quote of [...quotes, notePassage]) expect(body, `${format} quotes “${quote.slice(0, 40)}…”`).toContain(flat(quote));
      for (const doc of [aid, wetlands]) {
        // Markdown and HTML carry the app's link as a link target; on a printed page only its label shows.
        if (format === 'md' || format === 'html') expect(body, `${format} cites ${doc.id}`).toContain(flat(`dossier://doc/${doc.id}#`));
        else {
          expect(body, `${format} links back to the app`).toContain(flat('Open in Dossier'));
          expect(body, `${format} prints no internal id`).not.toContain(doc.id);
        }
        expect(body, `${format} names ${doc.title.slice(0, 30)}`).toContain(flat(doc.title.slice(0, 40)));
      }
      expect(body).toContain(flat('coordinator'));
      expect(body).toContain(flat('Floods and wetlands'));
    }
    if (has('pdftoppm')) {
      execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', files.pdf, join(out, 'page')]);
      expect(readFileSync(join(out, 'page-1.png')).subarray(1, 4).toString()).toBe('PNG');
    }
    if (has('libreoffice')) {
      execFileSync('libreoffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(out, 'profile')}`, '--convert-to', 'pdf', '--outdir', join(out, 'lo'), files.docx], { timeout: 180_000, stdio: 'ignore' });
      const converted = execFileSync('pdftotext', [join(out, 'lo', 'brief.pdf'), '-'], { encoding: 'utf8' });
      for (const quote of quotes) expect(flat(converted)).toContain(flat(quote));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
