// Shared test helpers for ingest: locating ../shared, external tools (LibreOffice, qpdf), temp
// folders, and a tiny PDF writer for exact, tool-free PDF fixtures (text runs at known positions).
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const FIXTURES = resolve(process.cwd(), 'tests/unit/ingest/fixtures');
export const SHARED = resolve(process.cwd(), '../shared');

export function sharedFolder(...parts: string[]): string | null {
  const dir = join(SHARED, ...parts);
  return existsSync(dir) ? dir : null;
}

export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

export async function makeTempDir(prefix: string): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `dossier-ingest-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Converts files with a headless LibreOffice using a private profile, so parallel runs don't collide. */
export async function libreOfficeConvert(files: string[], target: string, outDir: string): Promise<void> {
  const profile = join(outDir, '.lo-profile');
  await run(
    'libreoffice',
    ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', target, '--outdir', outDir, ...files],
    { timeout: 180_000 },
  );
}

export async function qpdf(args: string[]): Promise<void> {
  await run('qpdf', args, { timeout: 60_000 });
}

export interface PdfRun {
  text: string;
  x: number;
  y: number;
  size?: number;
  /** Set in Helvetica-Bold instead of Helvetica. */
  bold?: boolean;
}

export interface PdfPage {
  runs: PdfRun[];
  /** Raw content-stream operators drawn before the text (e.g. shapes). */
  graphics?: string;
}

function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** A minimal, valid PDF: Helvetica text runs at absolute positions, one content stream per page. */
export function writePdf(pages: PdfPage[], info: Record<string, string> = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body); // the new length is the object number
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const boldFont = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const page of pages) {
    const ops = page.runs
      .map((r) => `BT /${r.bold ? 'F2' : 'F1'} ${r.size ?? 12} Tf 1 0 0 1 ${r.x} ${r.y} Tm ${pdfString(r.text)} Tj ET`)
      .join('\n');
    const content = `${page.graphics ?? ''}\n${ops}\n`;
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R /F2 ${boldFont} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const infoEntries = Object.entries(info).map(([key, value]) => `/${key} ${pdfString(value)}`).join(' ');
  const infoObj = add(`<< ${infoEntries} >>`);

  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoObj} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Whitespace-insensitive comparison key for titles and bylines. */
export function squash(value: string | null | undefined): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text || null;
}
