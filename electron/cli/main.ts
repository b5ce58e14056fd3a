// The `dossier` command line: scripted access to the same services the app uses
// (import, list, show, delete, claims, serve), each with --library DIR and --json.
import { parseArgs } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SingleBar, Presets } from 'cli-progress';
import type { EventMap, EventName } from '../../shared/ipc/contract.ts';
import type { ClaimSet } from '../../shared/types/claims.ts';
import type { ImportResult } from '../../shared/types/library.ts';
import type { SearchQuery } from '../../shared/types/search.ts';
import { DOCUMENT_FORMATS, type DocumentFormat } from '../../shared/types/ingest.ts';
import type { CompareResult } from '../../shared/types/compare.ts';
import { compareClaims, type CompareInput } from '../services/compare/compare-service.ts';
import { formatFromPath } from '../services/briefs/export/index.ts';
import { writeFile } from 'node:fs/promises';
import { openServices, type Services } from '../services/container.ts';
import { extractClaims, normalizeText } from '../services/claims/engine.ts';
import { ClaimsRunner, InlineClaimsRunner, type ClaimsExtractor } from '../services/claims/claims-runner.ts';
import { claimableText, withDocumentText } from '../services/claims/structured.ts';
import { ImportRunner } from '../services/ingest/import-runner.ts';
import { readAndExtract } from '../services/ingest/index.ts';
import { resolveLibraryDir } from '../services/storage/paths.ts';
import { startHttpHost, type HttpHost } from '../host/http-host.ts';
import { table } from './table.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const USAGE = `Usage: dossier <command> [options]

Commands:
  import PATH...        Import files or folders (txt, md, html, pdf, docx)
  list                  List the documents in the library
  show ID               Show one document's metadata and text
  delete ID             Delete a document
  search QUERY          Full-text search (--tag T, --outlet O, --format F, --from DATE, --to DATE)
  claims FILE|ID        Extract the claims of a file, or show a library document's claims
  compare FILE|ID...    Group figures across documents: agreement, conflict, change over time
  brief --out FILE      Export a research brief (.md, .html, .pdf, .docx): --brief ID, or --all-claims [--title T]
  serve [--port N]      Serve the app to a browser on 127.0.0.1

Options:
  --library DIR         Library folder (default: $DOSSIER_LIBRARY or the desktop app's data folder)
  --json                Machine-readable output
  -h, --help            This help
`;

class UsageError extends Error {}

interface Io {
  out(text: string): void;
  err(text: string): void;
}

const stdio: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** A worker entry beside the built command line (out/main), or its TypeScript source run through tsx. */
function workerEntry(built: string, source: string): { workerFile: URL; execArgv?: string[] } {
  return import.meta.url.endsWith('.js')
    ? { workerFile: new URL(`./${built}`, import.meta.url) }
    : { workerFile: new URL(source, import.meta.url), execArgv: ['--import', import.meta.resolve('tsx')] };
}


async function withLibrary<T>(
  dir: string,
  claims: ClaimsExtractor | undefined,
  run: (services: Services) => Promise<T>,
  emit?: (event: EventName, payload: EventMap[EventName]) => void,
): Promise<T> {
  const services = await openServices({ libraryDir: dir, host: 'cli', version: VERSION, claims, emit });
  for (const warning of services.store.warnings) stdio.err(`warning: ${warning}`);
  try {
    return await run(services);
  } finally {
    await services.close();
  }
}

function printClaims(set: ClaimSet, io: Io): void {
  if (!set.claims.length) {
    io.out('No claims found.');
    return;
  }
  const rows = set.claims.map((c) => [
    c.id,
    c.kind,
    c.certainty + (c.negated ? ' (negated)' : ''),
    c.quantities.map((q) => q.text).join('; '),
    c.attribution ? [c.attribution.source, ...c.attribution.via].join(' via ') : '',
    c.text.replace(/\s+/g, ' '),
  ]);
  io.out(table(['id', 'kind', 'certainty', 'quantities', 'source', 'text'], rows, [5, 9, 20, 24, 30, 80]));
}

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        library: { type: 'string' },
        json: { type: 'boolean', default: false },
        port: { type: 'string' },
        tag: { type: 'string', multiple: true },
        outlet: { type: 'string' },
        format: { type: 'string', multiple: true },
        from: { type: 'string' },
        to: { type: 'string' },
        limit: { type: 'string' },
        out: { type: 'string' },
        brief: { type: 'string' },
        'all-claims': { type: 'boolean', default: false },
        title: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`dossier: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || !command) {
    (command || values.help ? io.out : io.err)(USAGE);
    return command || values.help ? 0 : 2;
  }
  const libraryDir = resolve(resolveLibraryDir(values.library));
  const json = values.json === true;

  try {
    switch (command) {
      case 'import':
        return await importCommand(libraryDir, args, json, io);
      case 'list':
        return await withLibrary(libraryDir, undefined, async ({ library }) => {
          const docs = library.list();
          if (json) io.out(JSON.stringify(docs, null, 2));
          else if (!docs.length) io.out(`The library at ${libraryDir} is empty. Import files with: dossier import PATH...`);
          else io.out(table(['id', 'title', 'format', 'words', 'outlet', 'published'], docs.map((d) => [d.id, d.title, d.format, String(d.words), d.outlet ?? '', d.published ?? '']), [12, 60, 6, 7, 20, 20]));
          return 0;
        });
      case 'show': {
        const id = requireArg(args, 'show ID');
        return await withLibrary(libraryDir, undefined, async ({ library }) => {
          const content = await library.get(id);
          if (json) io.out(JSON.stringify(content, null, 2));
          else {
            const d = content.document;
            io.out([`${d.title}`, `id: ${d.id}   format: ${d.format}   words: ${d.words}`, `author: ${d.author ?? '—'}   outlet: ${d.outlet ?? '—'}   published: ${d.published ?? '—'}`, `source: ${d.sourcePath}`, '', content.text].join('\n'));
          }
          return 0;
        });
      }
      case 'delete': {
        const id = requireArg(args, 'delete ID');
        return await withLibrary(libraryDir, undefined, async ({ library }) => {
          const deleted = await library.delete(id);
          if (json) io.out(JSON.stringify(deleted));
          else io.out(`Deleted “${deleted.title}” (${deleted.id}).`);
          return 0;
        });
      }
      case 'search': {
        if (!args.length) throw new UsageError('missing argument: dossier search QUERY');
        const query: SearchQuery = {
          query: args.join(' '),
          tags: values.tag,
          outlet: values.outlet,
          formats: checkFormats(values.format),
          from: checkDate('--from', values.from),
          to: checkDate('--to', values.to),
          limit: values.limit === undefined ? undefined : checkLimit(values.limit),
        };
        return await withLibrary(libraryDir, undefined, async ({ handlers }) => {
          const result = await handlers['search:query'](query);
          if (json) io.out(JSON.stringify(result, null, 2));
          else if (!result.hits.length) io.out(`No document matches “${query.query}”.`);
          else {
            for (const hit of result.hits) {
              io.out(`${hit.docId}  ${hit.title}${hit.outlet ? ` — ${hit.outlet}` : ''}`);
              if (hit.snippet) io.out(`    …${highlight(hit.snippet.text, hit.snippet.highlights)}…`);
            }
            io.out(`${result.hits.length} of ${result.total} matching documents (${result.tookMs} ms)`);
          }
          return 0;
        });
      }
      case 'claims': {
        const target = requireArg(args, 'claims FILE|ID');
        let set: ClaimSet;
        if (existsSync(target)) {
          const extracted = await readAndExtract(resolve(target));
          const text = normalizeText(extracted.text);
          set = withDocumentText(extractClaims(claimableText(text, extracted.blocks)), text);
        } else {
          set = await withLibrary(libraryDir, new InlineClaimsRunner(), ({ handlers }) => handlers['claims:list']({ id: target }));
        }
        if (json) io.out(JSON.stringify(set));
        else printClaims(set, io);
        return 0;
      }
      case 'compare': {
        if (!args.length) throw new UsageError('missing argument: dossier compare FILE|ID...');
        const inputs: CompareInput[] = [];
        const ids = args.filter((a) => !existsSync(a));
        for (const target of args) {
          if (!existsSync(target)) continue;
          const extracted = await readAndExtract(resolve(target));
          const text = normalizeText(extracted.text);
          inputs.push({ doc: target, docId: null, title: extracted.meta.title ?? target, published: extracted.meta.published, claims: extractClaims(text) });
        }
        if (ids.length) {
          await withLibrary(libraryDir, new InlineClaimsRunner(), async ({ handlers, store }) => {
            for (const id of ids) {
              const record = store.get(id);
              inputs.push({ doc: id, docId: id, title: record.title, published: record.published, claims: await handlers['claims:list']({ id }) });
            }
          });
        }
        // Keep the caller's order, whichever way each document was given.
        inputs.sort((a, b) => args.indexOf(a.doc) - args.indexOf(b.doc));
        const result = compareClaims(inputs);
        if (json) io.out(JSON.stringify(result, null, 2));
        else printComparison(result, io);
        return 0;
      }
      case 'brief': {
        const out = values.out;
        if (!out) throw new UsageError('missing --out FILE.md|.html|.pdf|.docx');
        const format = formatFromPath(out);
        if (!format) throw new UsageError(`--out must end in .md, .html, .pdf or .docx, not “${out}”`);
        if (!values.brief && !values['all-claims']) throw new UsageError('choose what to export: --brief ID or --all-claims');
        const exported = await withLibrary(libraryDir, new InlineClaimsRunner(), ({ handlers }) =>
          handlers['briefs:export']({ id: values.brief, allClaims: values['all-claims'], title: values.title, format }),
        );
        await writeFile(resolve(out), Buffer.from(exported.dataBase64, 'base64'));
        if (json) io.out(JSON.stringify({ out: resolve(out), format, bytes: Buffer.byteLength(exported.dataBase64, 'base64') }));
        else io.out(`Wrote ${resolve(out)}`);
        return 0;
      }
      case 'serve':
        return await serveCommand(libraryDir, values.port, io);
      default:
        throw new UsageError(`unknown command “${command}”`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`dossier: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`dossier: ${(error as Error).message}`);
    return 1;
  }
}

function printComparison(result: CompareResult, io: Io): void {
  if (!result.groups.length) io.out('No figures to compare.');
  for (const group of result.groups) {
    io.out(`\n${group.id}  ${group.label} — ${group.verdict.toUpperCase()}: ${group.reason}`);
    io.out(
      table(
        ['figure', 'source', 'document', 'date'],
        group.members.map((m) => [m.quantity.text, [m.source, ...m.via].filter(Boolean).join(' via ') || '—', m.doc, m.published?.slice(0, 10) ?? '']),
        [28, 44, 40, 10],
      ),
    );
  }
  for (const c of result.corroborations) {
    io.out(`\n${c.id}  ${c.members.length} claims in ${new Set(c.members.map((m) => m.doc)).size} documents, ${c.independentSources} independent origin(s): ${c.origins.join('; ')}`);
    for (const m of c.members) io.out(`    ${m.doc}: ${m.text.replace(/\s+/g, ' ').slice(0, 120)}`);
  }
}

/** Marks highlights for a terminal: bold on a TTY, [brackets] otherwise. */
function highlight(text: string, ranges: Array<[number, number]>): string {
  const [open, close] = process.stdout.isTTY ? ['\x1b[1m', '\x1b[22m'] : ['[', ']'];
  let out = '';
  let cursor = 0;
  for (const [start, end] of ranges) {
    out += text.slice(cursor, start) + open + text.slice(start, end) + close;
    cursor = end;
  }
  return out + text.slice(cursor);
}

// A bad filter must fail loudly: silently matching nothing (or everything) reads as an answer.
function checkFormats(formats: string[] | undefined): DocumentFormat[] | undefined {
  for (const format of formats ?? []) {
    if (!DOCUMENT_FORMATS.includes(format as DocumentFormat)) throw new UsageError(`--format must be one of ${DOCUMENT_FORMATS.join(', ')}, not “${format}”`);
  }
  return formats as DocumentFormat[] | undefined;
}

function checkDate(option: string, value: string | undefined): string | undefined {
  if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`${option} must be a date like 2024-05-31, not “${value}”`);
  return value;
}

function checkLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new UsageError(`--limit must be a whole number from 1 to 200, not “${value}”`);
  return limit;
}

function requireArg(args: string[], usage: string): string {
  if (!args[0]) throw new UsageError(`missing argument: dossier ${usage}`);
  return args[0];
}

async function importCommand(libraryDir: string, paths: string[], json: boolean, io: Io): Promise<number> {
  if (!paths.length) throw new UsageError('missing argument: dossier import PATH...');
  const bar = process.stderr.isTTY
    ? new SingleBar({ format: 'importing [{bar}] {value}/{total} {file}', clearOnComplete: true, stream: process.stderr }, Presets.shades_classic)
    : null;
  let results: ImportResult[];
  try {
    results = await withLibrary(
      libraryDir,
      new InlineClaimsRunner(),
      ({ library }) => library.importPaths(paths),
      (event, payload) => {
        if (!bar || event !== 'library:progress') return;
        const progress = payload as EventMap['library:progress'];
        if (progress.done === 0 && !progress.finished) bar.start(progress.total, 0, { file: progress.current ?? '' });
        bar.update(progress.done, { file: progress.current ?? '' });
      },
    );
  } finally {
    bar?.stop();
  }
  if (json) io.out(JSON.stringify(results, null, 2));
  for (const r of results) {
    if (r.status === 'error') io.err(`error: ${r.path}: ${r.error}`);
    else if (!json) {
      const same = r.sameTextAs ? `  (same text as “${r.sameTextAs.title}”, ${Math.round(r.sameTextAs.overlap * 100)}% overlap)` : '';
      io.out(r.status === 'imported' ? `imported   ${r.id}  ${r.title}${same}` : `duplicate  ${r.id}  ${r.path} is already in the library as “${r.title}”`);
    }
  }
  return results.some((r) => r.status === 'error') ? 1 : 0;
}

/** A port in 20000–59999 that depends only on the library folder. */
export function libraryPort(libraryDir: string): number {
  let hash = 0x811c9dc5;
  for (const char of resolve(libraryDir)) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return 20_000 + (hash % 40_000);
}

async function serveCommand(libraryDir: string, portText: string | undefined, io: Io): Promise<number> {
  const port = portText === undefined ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not “${portText}”`);
  const rendererDir = join(ROOT, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    io.err(`warning: the app is not built yet (${rendererDir} is missing), so only the API is served. Run \`npm run build\`, or use \`npm start\`.`);
  }
  // The services need the host's emitter and the host needs the services' handlers: bind late.
  const late: { host?: HttpHost } = {};
  const services = await openServices({
    libraryDir,
    host: 'browser',
    version: VERSION,
    // Claims and import in worker threads, so a slow document never holds up the app.
    claims: new ClaimsRunner(workerEntry('claims-worker.js', '../services/claims/worker.ts')),
    ingest: new ImportRunner(workerEntry('import-worker.js', '../services/ingest/worker.ts')),
    emit: (event, payload) => late.host?.emit(event, payload),
  });
  // Without --port, each library gets the same port every run where it is free: the browser keeps
  // what it stores per address (pane layout, theme) across restarts of the host.
  const host = await startHttpHost({ handlers: services.handlers, rendererDir, ...(portText === undefined ? { preferredPort: libraryPort(libraryDir) } : { port }) });
  late.host = host;
  for (const warning of services.store.warnings) io.err(`warning: ${warning}`);
  io.out(`Dossier is serving the library at ${libraryDir}`);
  io.out(`Open ${host.url}`);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await services.close();
  return 0;
}
