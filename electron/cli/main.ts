// The `dossier` command line: scripted access to the same services the app uses
// (import, export, list, show, edit, delete, search, collections, sources, annotations, claims,
// claim-review, compare, brief, serve),
// each with --library DIR and --json.
import { parseArgs } from 'node:util';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SingleBar, Presets } from 'cli-progress';
import type { EventMap, EventName } from '../../shared/ipc/contract.ts';
import type { ClaimSet } from '../../shared/types/claims.ts';
import type { DocumentMetadata, ImportResult, SourcesFormat } from '../../shared/types/library.ts';
import { SOURCES_FORMATS } from '../../shared/types/library.ts';
import { isIsoDate } from '../services/library/library-service.ts';
import type { SearchQuery } from '../../shared/types/search.ts';
import { DOCUMENT_FORMATS, type DocumentFormat } from '../../shared/types/ingest.ts';
import type { CompareResult } from '../../shared/types/compare.ts';
import { compareClaims, type CompareInput } from '../services/compare/compare-service.ts';
import { CompareRunner } from '../services/compare/compare-runner.ts';
import { WorkerBriefFileWriter } from '../services/briefs/export/export-runner.ts';
import { formatFromPath } from '../services/briefs/export/index.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import type { ArchiveImportReport } from '../../shared/types/interchange.ts';
import { openServices, type Services } from '../services/container.ts';
import { extractClaims, normalizeText } from '../services/claims/engine.ts';
import { ClaimsRunner, InlineClaimsRunner, type ClaimsExtractor } from '../services/claims/claims-runner.ts';
import { claimableText, withDocumentText } from '../services/claims/structured.ts';
import { ImportRunner } from '../services/ingest/import-runner.ts';
import { readAndExtract } from '../services/ingest/index.ts';
import { envSetting, resolveLibraryDir } from '../services/storage/paths.ts';
import { hostToken } from '../host/host-token.ts';
import { forTerminal, HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, terminalSafe } from './terminal.ts';
import { startHttpHost, type HttpHost } from '../host/http-host.ts';
import { table } from './table.ts';
import { countOf } from '../../shared/text/plural.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const USAGE = `Usage: dossier <command> [options]

Commands:
  import PATH...        Import files or folders (txt, md, html, pdf, docx); a reference manager's
                        BibTeX, RIS or CSL-JSON file with its attached files; or a .dossier.zip archive
  export --out FILE     Write the library, or --collection C, as an archive (FILE.dossier.zip)
                        or, with --format markdown, as a Markdown vault in the folder --out DIR
  list                  List the documents in the library
  show ID               Show one document's metadata and text
  delete ID             Delete a document
  edit ID [options]     Edit a document's metadata: --title T, --author A (repeat for several),
                        --outlet O, --published YYYY-MM-DD[THH:MM], --url U, --lang L,
                        --tag T / --untag T (repeatable), --collection C (made if new);
                        an empty value ("") clears a field
  search QUERY          Full-text search: every word must match; a OR b, -word and "a phrase" too
                        (quote a query with -word: dossier search 'canal -tug');
                        --tag T, --outlet O, --format F, --from DATE, --to DATE, --collection C;
                        filters alone list the documents they keep
  collections           List the collections and how many documents each holds
  sources               Write the library's sources for a reference manager:
                        [--collection C] [--format csl-json|bibtex|ris] [--out FILE]
  annotations           Notes and reviewed claims as W3C Web Annotations: --out FILE.jsonld
                        [--collection C]; or --import FILE (W3C JSON-LD or a Hypothesis export)
  claims FILE|ID        Extract the claims of a file, or show a library document's claims
  review ID CLAIM       Review one claim (ids from \`dossier claims ID\`): --accept, --reject or --pending;
                        --revert undoes your corrections (back to what the engine extracted)
  claim-review ID CLAIM A reviewed claim as schema.org ClaimReview JSON-LD [--out FILE]
                        [--reviewer NAME] [--url URL]
  compare FILE|ID...    Group figures across documents: agreement, conflict, change over time
                        (single-source groups are listed with --all)
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

/** The same output, with control and escape characters from library content removed. */
function safeIo(io: Io): Io {
  return {
    out: (text) => io.out(forTerminal(text, io === stdio && process.stdout.isTTY === true)),
    err: (text) => io.err(forTerminal(text, false)),
  };
}

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
  for (const warning of services.store.warnings) stdio.err(forTerminal(`warning: ${warning}`, false));
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

export async function main(argv: string[], rawIo: Io = stdio): Promise<number> {
  const io = safeIo(rawIo);
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
        all: { type: 'boolean', default: false },
        title: { type: 'string' },
        author: { type: 'string', multiple: true },
        published: { type: 'string' },
        url: { type: 'string' },
        lang: { type: 'string' },
        untag: { type: 'string', multiple: true },
        collection: { type: 'string' },
        import: { type: 'string' },
        reviewer: { type: 'string' },
        accept: { type: 'boolean', default: false },
        reject: { type: 'boolean', default: false },
        pending: { type: 'boolean', default: false },
        revert: { type: 'boolean', default: false },
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
            io.out(
              [
                `${d.title}`,
                `id: ${d.id}   format: ${d.format}   words: ${d.words}`,
                `author: ${d.author ?? '—'}   outlet: ${d.outlet ?? '—'}   published: ${d.published ?? '—'}${d.fileDate ? `   file date: ${d.fileDate}` : ''}`,
                `url: ${d.url ?? '—'}   language: ${d.lang ?? '—'}   tags: ${d.tags.join(', ') || '—'}`,
                `source: ${d.sourcePath}`,
                '',
                content.text,
              ].join('\n'),
            );
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
        const filtered = [values.tag?.length, values.outlet, values.format?.length, values.from, values.to, values.collection].some(Boolean);
        // Filters alone list the documents they keep.
        if (!args.length && !filtered) throw new UsageError('missing argument: dossier search QUERY (or a filter such as --outlet O)');
        const query: SearchQuery = {
          query: args.join(' '),
          tags: values.tag,
          outlet: values.outlet,
          formats: checkFormats(values.format),
          from: checkDate('--from', values.from),
          to: checkDate('--to', values.to),
          limit: values.limit === undefined ? undefined : checkLimit(values.limit),
        };
        return await withLibrary(libraryDir, undefined, async ({ handlers, collections }) => {
          if (values.collection !== undefined) query.collection = collections.resolve(values.collection).id;
          const result = await handlers['search:query'](query);
          if (json) io.out(JSON.stringify(result, null, 2));
          else if (!result.hits.length) io.out(query.query ? `No document matches “${query.query}”.` : 'No document matches these filters.');
          else {
            for (const hit of result.hits) {
              io.out(`${hit.docId}  ${hit.title}${hit.outlet ? ` — ${hit.outlet}` : ''}${hit.published ? ` (${hit.published.slice(0, 10)})` : ''}`);
              if (hit.snippet) io.out(`    …${highlight(hit.snippet.text, hit.snippet.highlights)}…`);
            }
            io.out(`${result.hits.length.toLocaleString()} of ${countOf(result.total, 'matching document')} (${result.tookMs} ms)`);
          }
          return 0;
        });
      }
      case 'edit':
        return await editCommand(libraryDir, args, values, json, io);
      case 'collections':
        return await withLibrary(libraryDir, undefined, async ({ collections }) => {
          const list = collections.list();
          if (json) io.out(JSON.stringify(list, null, 2));
          else if (!list.length) io.out('No collections yet. Make one with: dossier edit ID --collection NAME');
          else io.out(table(['id', 'name', 'documents'], list.map((c) => [c.id, c.name, String(c.count)]), [12, 60, 9]));
          return 0;
        });
      case 'sources':
        return await sourcesCommand(libraryDir, values, json, io);
      case 'export':
        return await exportCommand(libraryDir, args, values, json, io);
      case 'annotations':
        return await annotationsCommand(libraryDir, args, values, json, io);
      case 'claim-review':
        return await claimReviewCommand(libraryDir, args, values, json, io);
      case 'review':
        return await reviewCommand(libraryDir, args, values, json, io);
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
        else printComparison(result, io, values.all);
        return 0;
      }
      case 'brief': {
        const out = values.out;
        if (!out) throw new UsageError('missing --out FILE.md|.html|.pdf|.docx');
        const format = formatFromPath(out);
        if (!format) throw new UsageError(`--out must end in .md, .html, .pdf or .docx, not “${out}”`);
        if (!values.brief && !values['all-claims']) throw new UsageError('choose what to export: --brief ID or --all-claims');
        // Written straight to the file, a piece at a time, and only renamed into place once complete.
        const exported = await withLibrary(libraryDir, new InlineClaimsRunner(), (services) =>
          services.exportBriefTo({ id: values.brief, allClaims: values['all-claims'], title: values.title, format }, resolve(out)),
        );
        if (json) io.out(JSON.stringify({ out: resolve(out), format, bytes: exported.bytes }));
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

function printComparison(result: CompareResult, io: Io, all: boolean): void {
  if (!result.groups.length) io.out('No figures to compare.');
  const shown = all ? result.groups : result.groups.filter((g) => g.verdict !== 'single');
  if (result.groups.length && !shown.length) io.out('No figure is given by more than one source.');
  for (const group of shown) {
    io.out(`\n${group.id}  ${group.label} — ${group.verdict.toUpperCase()}: ${group.reason}`);
    io.out(
      table(
        ['figure', 'as written', 'who', 'document', 'date'],
        group.members.map((m) => [m.figure, m.quantity.text, [m.source, ...m.via].filter(Boolean).join(' via ') || m.origin, m.doc, m.date?.slice(0, 10) ?? '']),
        [18, 20, 36, 34, 10],
      ),
    );
  }
  const hidden = result.groups.length - shown.length;
  if (hidden) io.out(`\n${hidden} figure${hidden === 1 ? '' : 's'} given by one source only; --all lists them.`);
  for (const c of result.corroborations) {
    io.out(`\n${c.id}  ${c.members.length} claims in ${new Set(c.members.map((m) => m.doc)).size} documents, ${c.independentSources} independent origin(s): ${c.origins.join('; ')}`);
    for (const m of c.members) io.out(`    ${m.doc}: ${m.text.replace(/\s+/g, ' ').slice(0, 120)}`);
  }
}

/** Marks highlights for a terminal: bold on a TTY, [brackets] otherwise (see forTerminal). */
function highlight(text: string, ranges: Array<[number, number]>): string {
  const [open, close] = [HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE];
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

type Values = Record<string, string | boolean | string[] | undefined>;

/** Published dates on the command line: a day, or a day and a time (the form the item pane writes). */
function checkPublished(value: string): string {
  if (value === '') return value;
  if (!/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?$/.test(value) || !isIsoDate(value)) {
    throw new UsageError(`--published must be a date like 2018-05-29 or 2018-05-29T14:05, not “${value}”`);
  }
  return value;
}

async function editCommand(libraryDir: string, args: string[], values: Values, json: boolean, io: Io): Promise<number> {
  const id = requireArg(args, 'edit ID [--title T] [--author A]... [--outlet O] [--published YYYY-MM-DD[THH:MM]] [--url U] [--lang L] [--tag T]... [--untag T]... [--collection C]');
  if (args.length > 1) throw new UsageError(`edit takes one document id, not “${args.join(' ')}”`);
  const text = (name: string) => values[name] as string | undefined;
  const list = (name: string) => (values[name] as string[] | undefined) ?? [];
  const changes: Partial<DocumentMetadata> = {};
  if (text('title') !== undefined) {
    if (!text('title')!.trim()) throw new UsageError('--title cannot be empty');
    changes.title = text('title');
  }
  if (values.author !== undefined) changes.author = list('author').map((a) => a.trim()).filter(Boolean).join(', ') || null;
  if (text('outlet') !== undefined) changes.outlet = text('outlet') || null;
  if (text('published') !== undefined) changes.published = checkPublished(text('published')!) || null;
  if (text('url') !== undefined) changes.url = text('url') || null;
  if (text('lang') !== undefined) changes.lang = text('lang') || null;
  const addTags = list('tag');
  const removeTags = list('untag').map((t) => t.trim().toLowerCase());
  const collection = text('collection');
  if (collection !== undefined && !collection.trim()) throw new UsageError('--collection needs a name');
  if (!Object.keys(changes).length && !addTags.length && !removeTags.length && collection === undefined) {
    throw new UsageError('nothing to change: give at least one of --title, --author, --outlet, --published, --url, --lang, --tag, --untag, --collection');
  }
  return withLibrary(libraryDir, undefined, async ({ library, collections, store }) => {
    const current = store.get(id);
    if (addTags.length || removeTags.length) {
      changes.tags = [...current.tags, ...addTags].filter((t) => !removeTags.includes(t.trim().toLowerCase()));
    }
    if (collection !== undefined) {
      const target = await collections.ensure(collection);
      changes.collections = [...new Set([...(current.collections ?? []), target.id])];
    }
    const record = await library.update(id, changes);
    if (json) io.out(JSON.stringify(record, null, 2));
    else {
      const names = (record.collections ?? []).map((c) => (collections.exists(c) ? collections.get(c).name : null)).filter(Boolean);
      io.out(
        [
          `Updated “${record.title}” (${record.id})`,
          `author: ${record.author ?? '—'}   outlet: ${record.outlet ?? '—'}   published: ${record.published ?? '—'}`,
          `url: ${record.url ?? '—'}   language: ${record.lang ?? '—'}`,
          `tags: ${record.tags.join(', ') || '—'}   collections: ${names.join(', ') || '—'}`,
        ].join('\n'),
      );
    }
    return 0;
  });
}

const SOURCES_BY_EXTENSION: Record<string, SourcesFormat> = { json: 'csl-json', bib: 'bibtex', bibtex: 'bibtex', ris: 'ris' };

async function sourcesCommand(libraryDir: string, values: Values, json: boolean, io: Io): Promise<number> {
  const formats = (values.format as string[] | undefined) ?? [];
  if (formats.length > 1) throw new UsageError('give --format once');
  const out = values.out as string | undefined;
  let format = formats[0] as SourcesFormat | undefined;
  if (format !== undefined && !SOURCES_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${SOURCES_FORMATS.join(', ')}, not “${format}”`);
  if (!format && out) {
    format = SOURCES_BY_EXTENSION[out.split('.').pop()?.toLowerCase() ?? ''];
    if (!format) throw new UsageError(`cannot tell the format from “${out}”: give --format csl-json, bibtex or ris`);
  }
  const collection = values.collection as string | undefined;
  if (collection !== undefined && !collection.trim()) throw new UsageError('--collection needs a name');
  const result = await withLibrary(libraryDir, undefined, ({ handlers }) => handlers['library:sources']({ format: format ?? 'csl-json', collection }));
  if (!out) {
    io.out(result.text || (json ? '[]' : ''));
    if (!result.count) io.err(collection ? `dossier: the collection “${collection}” has no documents` : 'dossier: the library has no documents');
    return 0;
  }
  await writeFile(resolve(out), result.text);
  if (json) io.out(JSON.stringify({ out: resolve(out), format: format ?? 'csl-json', count: result.count }));
  else io.out(`Wrote ${countOf(result.count, 'source')} to ${resolve(out)}`);
  return 0;
}

function requireArg(args: string[], usage: string): string {
  if (!args[0]) throw new UsageError(`missing argument: dossier ${usage}`);
  return args[0];
}

const isArchivePath = (path: string) => /\.zip$/i.test(path);

async function importCommand(libraryDir: string, given: string[], json: boolean, io: Io): Promise<number> {
  if (!given.length) throw new UsageError('missing argument: dossier import PATH...');
  // Archives are restored whole; everything else goes through document import.
  const archives = given.filter(isArchivePath);
  const paths = given.filter((p) => !isArchivePath(p));
  for (const archive of archives) {
    const report = await withLibrary(libraryDir, undefined, ({ handlers }) => handlers['library:importArchive']({ path: resolve(archive) }));
    if (json) io.out(JSON.stringify({ file: resolve(archive), ...report }, null, 2));
    else printArchiveReport(resolve(archive), report, io);
  }
  if (!paths.length) return 0;
  const bar = process.stderr.isTTY
    ? new SingleBar({ format: 'importing [{bar}] {value}/{total} {file}', clearOnComplete: true, stream: process.stderr }, Presets.shades_classic)
    : null;
  let results: ImportResult[];
  try {
    results = await withLibrary(
      libraryDir,
      new InlineClaimsRunner(),
      ({ handlers }) => handlers['library:import']({ paths: paths.map((p) => resolve(p)) }),
      (event, payload) => {
        if (!bar || event !== 'library:progress') return;
        const progress = payload as EventMap['library:progress'];
        if (progress.done === 0 && !progress.finished) bar.start(progress.total, 0, { file: terminalSafe(progress.current ?? '') });
        bar.update(progress.done, { file: terminalSafe(progress.current ?? '') });
      },
    );
  } finally {
    bar?.stop();
  }
  if (json) io.out(JSON.stringify(results, null, 2));
  for (const r of results) {
    if (r.status === 'error') io.err(`error: ${r.path}: ${r.error}`);
    else if (r.status === 'skipped') io.err(`skipped: ${r.path}: ${r.error}`);
    else if (!json) {
      const same = r.sameTextAs ? `  (same text as “${r.sameTextAs.title}”, ${Math.round(r.sameTextAs.overlap * 100)}% overlap)` : '';
      io.out(r.status === 'imported' ? `imported   ${r.id}  ${r.title}${same}` : `duplicate  ${r.id}  ${r.path} is already in the library as “${r.title}”`);
    }
  }
  return results.some((r) => r.status === 'error') ? 1 : 0;
}

function printArchiveReport(path: string, report: ArchiveImportReport, io: Io): void {
  const { archive: a, documents, collections, notes, reviews, briefs } = report;
  io.out(`Imported ${path}${a.collection ? ` (the collection “${a.collection}”` : ' (a whole library'}, archived ${a.createdAt.slice(0, 10)} by Dossier ${a.appVersion})`);
  io.out(`  documents    ${documents.added} added, ${documents.merged} already in the library (merged)`);
  io.out(`  collections  ${collections.added} added, ${collections.merged} merged by name`);
  io.out(`  notes        ${notes.added} added, ${notes.skipped} already here`);
  io.out(`  reviews      ${reviews.added} added, ${reviews.skipped} already here`);
  io.out(`  briefs       ${briefs.added} added, ${briefs.skipped} already here`);
  if (report.unplaced.length) {
    io.err(`${countOf(report.unplaced.length, 'item')} could not be placed at their passage (kept, marked as detached):`);
    for (const u of report.unplaced) io.err(`  ${u.kind} on “${u.document ?? '?'}”: “${u.quote.slice(0, 80)}” (${u.reason})`);
  }
}

/** `export`: an archive (.dossier.zip) or, with --format markdown, a Markdown vault in a folder. */
async function exportCommand(libraryDir: string, args: string[], values: Values, json: boolean, io: Io): Promise<number> {
  if (args.length) throw new UsageError(`export takes no arguments, only options, not “${args.join(' ')}”`);
  const out = values.out as string | undefined;
  const formats = (values.format as string[] | undefined) ?? [];
  if (formats.length > 1) throw new UsageError('give --format once');
  const format = formats[0] ?? (out && /\.zip$/i.test(out) ? 'archive' : undefined);
  if (!out) throw new UsageError('missing --out FILE.dossier.zip (an archive) or --format markdown --out DIR (a Markdown vault)');
  if (format !== 'archive' && format !== 'markdown') {
    throw new UsageError(format ? `--format must be archive or markdown, not “${format}”` : `cannot tell the format from “${out}”: end it in .dossier.zip, or give --format markdown for a vault folder`);
  }
  const collection = values.collection as string | undefined;
  if (collection !== undefined && !collection.trim()) throw new UsageError('--collection needs a name');
  const target = resolve(out);
  if (format === 'archive') {
    if (existsSync(target) && statSync(target).isDirectory()) throw new UsageError(`--out names a folder (${target}); an archive is one file, such as library.dossier.zip`);
    const { bytes, manifest } = await withLibrary(libraryDir, undefined, async ({ archive, collections }) =>
      archive.exportToFile(collection ? collections.resolve(collection) : null, target),
    );
    const c = manifest.counts;
    if (json) io.out(JSON.stringify({ out: target, format, bytes, counts: c }));
    else io.out(`Wrote ${target}: ${countOf(c.documents, 'document')}, ${countOf(c.notes, 'note')}, ${countOf(c.reviews, 'claim review')}, ${countOf(c.briefs, 'brief')}, ${countOf(c.collections, 'collection')}`);
    return 0;
  }
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new UsageError(`--out must be a folder for a Markdown vault, and ${target} is a file`);
    const entries = readdirSync(target).filter((name) => !name.startsWith('.'));
    if (entries.length && !entries.includes('Index.md')) throw new UsageError(`${target} is not empty and holds no earlier Dossier vault (Index.md): choose an empty or new folder`);
  }
  const files = await withLibrary(libraryDir, new InlineClaimsRunner(), async ({ vault, collections }) => vault(collection ? collections.resolve(collection) : null));
  for (const file of files) {
    const path = join(target, ...file.path.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
  }
  if (json) io.out(JSON.stringify({ out: target, format, files: files.map((f) => f.path) }));
  else io.out(`Wrote a Markdown vault of ${countOf(files.filter((f) => f.path.startsWith('Documents/')).length, 'document')} to ${target} (open the folder as a vault in Obsidian)`);
  return 0;
}

/** `annotations`: export notes and reviewed claims as W3C JSON-LD, or import W3C or Hypothesis annotations. */
async function annotationsCommand(libraryDir: string, args: string[], values: Values, json: boolean, io: Io): Promise<number> {
  if (args.length) throw new UsageError(`annotations takes no arguments, only options, not “${args.join(' ')}”`);
  const out = values.out as string | undefined;
  const from = values.import as string | undefined;
  const collection = values.collection as string | undefined;
  if (collection !== undefined && !collection.trim()) throw new UsageError('--collection needs a name');
  if (out && from) throw new UsageError('give either --out FILE (export) or --import FILE, not both');
  if (from) {
    const report = await withLibrary(libraryDir, new InlineClaimsRunner(), ({ handlers }) => handlers['annotations:import']({ path: resolve(from), collection }));
    if (json) io.out(JSON.stringify(report, null, 2));
    else {
      io.out(`Read ${countOf(report.total, `${report.source === 'hypothesis' ? 'Hypothesis' : 'W3C'} annotation`)} from ${resolve(from)}`);
      io.out(`  ${countOf(report.notes, 'note')} and ${countOf(report.reviews, 'claim review')} added${report.reanchored ? `, ${report.reanchored} re-anchored where the text had moved` : ''}; ${report.duplicates} already in the library`);
    }
    if (report.unplaced.length) {
      io.err(`${countOf(report.unplaced.length, 'annotation')} could not be placed:`);
      for (const u of report.unplaced) io.err(`  ${u.document ? `“${u.document}”: ` : ''}“${u.quote.slice(0, 80)}” (${u.reason})`);
    }
    return 0;
  }
  const exported = await withLibrary(libraryDir, new InlineClaimsRunner(), ({ handlers }) => handlers['annotations:export']({ collection }));
  const text = Buffer.from(exported.dataBase64, 'base64').toString('utf8');
  if (!out) {
    io.out(text);
    return 0;
  }
  await writeFile(resolve(out), text);
  if (json) io.out(JSON.stringify({ out: resolve(out), summary: exported.summary }));
  else io.out(`Wrote ${exported.summary} to ${resolve(out)}`);
  return 0;
}

/** `review ID CLAIM`: accept, reject or reopen one claim, or revert the corrections made to it. */
async function reviewCommand(libraryDir: string, args: string[], values: Values, json: boolean, io: Io): Promise<number> {
  const [docId, claimId, ...extra] = args;
  if (!docId || !claimId) throw new UsageError('missing argument: dossier review ID CLAIM (the claim ids are in `dossier claims ID`)');
  if (extra.length) throw new UsageError(`review takes one document and one claim, not “${args.join(' ')}”`);
  const verdicts = (['accept', 'reject', 'pending'] as const).filter((flag) => values[flag]);
  if (verdicts.length + (values.revert ? 1 : 0) !== 1) throw new UsageError('choose one of --accept, --reject, --pending or --revert');
  const status = ({ accept: 'accepted', reject: 'rejected', pending: 'pending' } as const)[verdicts[0] ?? 'pending'];
  const claim = await withLibrary(libraryDir, new InlineClaimsRunner(), ({ handlers }) =>
    values.revert ? handlers['claims:revert']({ docId, claimId }) : handlers['claims:review']({ docId, claimId, status }),
  );
  if (json) io.out(JSON.stringify(claim, null, 2));
  else {
    const state = claim.review ? [claim.review.added ? 'added' : null, claim.review.status, claim.review.edited ? 'edited' : null].filter(Boolean).join(', ') : 'as extracted, not reviewed';
    io.out(`${claim.id}  ${state}  ${claim.certainty}${claim.attribution ? `  source: ${claim.attribution.source}` : ''}`);
    io.out(`    ${claim.text}`);
  }
  return 0;
}

/** `claim-review ID CLAIM`: one reviewed claim as schema.org ClaimReview JSON-LD. */
async function claimReviewCommand(libraryDir: string, args: string[], values: Values, json: boolean, io: Io): Promise<number> {
  const [docId, claimId, ...extra] = args;
  if (!docId || !claimId) throw new UsageError('missing argument: dossier claim-review ID CLAIM (the claim ids are in `dossier claims ID`)');
  if (extra.length) throw new UsageError(`claim-review takes one document and one claim, not “${args.join(' ')}”`);
  const url = values.url as string | undefined;
  if (url !== undefined && !/^https?:\/\/\S+$/i.test(url)) throw new UsageError(`--url must be an http(s) address, not “${url}”`);
  const exported = await withLibrary(libraryDir, new InlineClaimsRunner(), ({ handlers }) =>
    handlers['claims:claimReview']({ docId, claimId, reviewer: values.reviewer as string | undefined, url }),
  );
  const text = Buffer.from(exported.dataBase64, 'base64').toString('utf8');
  const out = values.out as string | undefined;
  if (!out) io.out(text);
  else {
    await writeFile(resolve(out), text);
    if (json) io.out(JSON.stringify({ out: resolve(out), rating: exported.summary }));
    else io.out(`Wrote ${resolve(out)} (${exported.summary})`);
  }
  return 0;
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
  // `npm start` says it started the host; run directly, the host was started by `dossier serve`.
  const startCommand = envSetting(process.env, 'DOSSIER_START_COMMAND') ?? 'dossier serve';
  // The services need the host's emitter and the host needs the services' handlers: bind late.
  const late: { host?: HttpHost } = {};
  const services = await openServices({
    libraryDir,
    host: 'browser',
    version: VERSION,
    // Claims, import, comparison and export in worker threads, so a slow document never holds up the app.
    claims: new ClaimsRunner(workerEntry('claims-worker.js', '../services/claims/worker.ts')),
    ingest: new ImportRunner(workerEntry('import-worker.js', '../services/ingest/worker.ts')),
    compare: new CompareRunner(workerEntry('compare-worker.js', '../services/compare/worker.ts')),
    exportWriter: new WorkerBriefFileWriter(workerEntry('export-worker.js', '../services/briefs/export/worker.ts')),
    emit: (event, payload) => late.host?.emit(event, payload),
    startCommand,
  });
  // Without --port, each library gets the same port every run where it is free: the browser keeps
  // what it stores per address (pane layout, theme) across restarts of the host.
  const host = await startHttpHost({
    handlers: services.handlers,
    rendererDir,
    downloads: services.downloads,
    token: await hostToken(libraryDir),
    startCommand,
    ...(portText === undefined ? { preferredPort: libraryPort(libraryDir) } : { port }),
  });
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
