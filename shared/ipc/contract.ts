// The one typed contract between the renderer and every host (Electron IPC, HTTP browser host).
// Channel names are `domain:verb`; preload, main, the browser host and the renderer all derive from this list.
import type { Claim, ClaimSet } from '../types/claims.ts';
import type { Note } from '../types/notes.ts';
import type { CompareResult } from '../types/compare.ts';
import type { Brief, BriefItem, ResolvedGroup } from '../types/brief.ts';
import type { RequestInput, SchemaChannel } from './requests.ts';
import type { SearchResult } from '../types/search.ts';
import type { AnnotationImportReport, ArchiveImportReport, ExportedFile } from '../types/interchange.ts';
import type {
  Collection,
  CollectionSummary,
  DocumentContent,
  DocumentRecord,
  DocumentSummary,
  ImportProgress,
  ImportResult,
  LibraryInfo,
} from '../types/library.ts';

/** A file handed over by value, for hosts that cannot see the user's file system (the browser). */
export interface UploadedFile {
  name: string;
  /** File content, base64-encoded. */
  dataBase64: string;
}

/** What exporting a brief made: a file saved where the user chose, or one waiting to be fetched. */
export interface BriefExport {
  fileName: string;
  mime: string;
  /** The file's size in bytes (0 when cancelled). */
  bytes: number;
  /** Where the file was saved (desktop app). */
  savedTo?: string;
  /** The user closed the save dialog: nothing was written. */
  cancelled?: boolean;
  /** The id to fetch the file by, once, from the browser host. */
  download?: string;
}

export interface Contract {
  'app:info': { request: void; response: LibraryInfo };
  /** Newest first; `limit` returns only the first rows, so a large library shows its first screen at once. */
  'library:list': { request: RequestInput<'library:list'> | void; response: DocumentSummary[] };
  'library:get': { request: RequestInput<'library:get'>; response: DocumentContent };
  'library:import': {
    request: RequestInput<'library:import'>;
    response: ImportResult[];
  };
  'library:cancelImport': { request: RequestInput<'library:cancelImport'>; response: { cancelled: boolean } };
  /** Saved at once and re-indexed for search; the caller keeps the old values for undo. */
  'library:update': {
    request: RequestInput<'library:update'>;
    response: DocumentRecord;
  };
  /** Several documents in one step (a bulk edit or its undo); nothing is saved unless every change is valid. */
  'library:updateMany': { request: RequestInput<'library:updateMany'>; response: DocumentRecord[] };
  /** Reference-manager files for a collection, the given documents, or the whole library. */
  'library:sources': {
    request: RequestInput<'library:sources'>;
    response: { fileName: string; mime: string; text: string; count: number };
  };
  /** The library, or one collection, as a .dossier.zip archive. */
  'library:exportArchive': { request: RequestInput<'library:exportArchive'> | void; response: ExportedFile };
  /** Restores an archive, merging documents the library already has; nothing changes when it is damaged. */
  'library:importArchive': { request: RequestInput<'library:importArchive'>; response: ArchiveImportReport };
  /** The library, or one collection, as a Markdown vault (a zip of .md files with YAML front matter). */
  'library:exportVault': { request: RequestInput<'library:exportVault'> | void; response: ExportedFile };
  /** Notes and reviewed claims as a W3C Web Annotation collection (JSON-LD). */
  'annotations:export': { request: RequestInput<'annotations:export'> | void; response: ExportedFile };
  /** W3C Web Annotations or a Hypothesis export attached to library documents by their quotes. */
  'annotations:import': { request: RequestInput<'annotations:import'>; response: AnnotationImportReport };
  'collections:list': { request: void; response: CollectionSummary[] };
  'collections:create': { request: RequestInput<'collections:create'>; response: Collection };
  'collections:rename': { request: RequestInput<'collections:rename'>; response: Collection };
  'collections:delete': { request: RequestInput<'collections:delete'>; response: { id: string; name: string } };
  'collections:restore': { request: RequestInput<'collections:restore'>; response: Collection };
  'library:delete': { request: RequestInput<'library:delete'>; response: { id: string; title: string } };
  'library:restore': { request: RequestInput<'library:restore'>; response: DocumentSummary };
  'claims:list': { request: RequestInput<'claims:list'>; response: ClaimSet };
  'claims:review': {
    request: RequestInput<'claims:review'>;
    response: Claim;
  };
  'claims:add': { request: RequestInput<'claims:add'>; response: Claim };
  /** Undoes the analyst's corrections: the claim as the engine extracted it (an added claim: as the engine read its passage). */
  'claims:revert': { request: RequestInput<'claims:revert'>; response: Claim };
  /** A reviewed claim as schema.org ClaimReview JSON-LD. */
  'claims:claimReview': { request: RequestInput<'claims:claimReview'>; response: ExportedFile };
  'compare:run': { request: RequestInput<'compare:run'>; response: CompareResult };
  'briefs:list': { request: void; response: Brief[] };
  'briefs:get': { request: RequestInput<'briefs:get'>; response: Brief };
  'briefs:create': { request: RequestInput<'briefs:create'>; response: Brief };
  'briefs:update': { request: RequestInput<'briefs:update'>; response: Brief };
  'briefs:duplicate': { request: RequestInput<'briefs:duplicate'>; response: Brief };
  'briefs:delete': { request: RequestInput<'briefs:delete'>; response: { id: string; title: string } };
  'briefs:restore': { request: RequestInput<'briefs:restore'>; response: Brief };
  /** A comparison item as it will be exported: its figures, who gave them when, and the verdict. */
  'briefs:group': { request: RequestInput<'briefs:group'>; response: ResolvedGroup };
  /** A brief item for a claim, anchored to its passage so it survives re-extraction. */
  'briefs:claimItem': { request: RequestInput<'briefs:claimItem'>; response: BriefItem };
  /**
   * Writes the brief as a file, a piece at a time. The desktop app asks where to save it first
   * (`savedTo`, or `cancelled`); the browser host keeps it for one fetch of `GET /api/download/<download>`.
   */
  'briefs:export': {
    request: RequestInput<'briefs:export'>;
    response: BriefExport;
  };
  'notes:list': { request: RequestInput<'notes:list'>; response: Note[] };
  'notes:create': { request: RequestInput<'notes:create'>; response: Note };
  'notes:update': { request: RequestInput<'notes:update'>; response: Note };
  'notes:delete': { request: RequestInput<'notes:delete'>; response: { id: string } };
  'notes:restore': { request: RequestInput<'notes:restore'>; response: Note };
  'search:query': { request: RequestInput<'search:query'>; response: SearchResult };
  'dialog:openFiles': { request: void; response: { paths: string[]; supported: boolean } };
  /** Native folder picker (desktop app); `supported: false` where the host has none (a browser). */
  'dialog:openFolder': { request: void; response: { paths: string[]; supported: boolean } };
}

export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = Contract[C]['request'];
export type ResponseOf<C extends Channel> = Contract[C]['response'];

/** Every channel, at run time. `satisfies` keeps this list and the Contract interface in step. */
export const CHANNELS = [
  'app:info',
  'library:list',
  'library:get',
  'library:import',
  'library:cancelImport',
  'library:update',
  'library:updateMany',
  'library:sources',
  'library:exportArchive',
  'library:importArchive',
  'library:exportVault',
  'annotations:export',
  'annotations:import',
  'collections:list',
  'collections:create',
  'collections:rename',
  'collections:delete',
  'collections:restore',
  'library:delete',
  'library:restore',
  'claims:list',
  'claims:review',
  'claims:add',
  'claims:revert',
  'claims:claimReview',
  'compare:run',
  'briefs:list',
  'briefs:get',
  'briefs:create',
  'briefs:update',
  'briefs:duplicate',
  'briefs:delete',
  'briefs:restore',
  'briefs:group',
  'briefs:claimItem',
  'briefs:export',
  'notes:list',
  'notes:create',
  'notes:update',
  'notes:delete',
  'notes:restore',
  'search:query',
  'dialog:openFiles',
  'dialog:openFolder',
] as const satisfies readonly Channel[];

// Compile-time check that no Contract channel is missing from CHANNELS.
type Missing = Exclude<Channel, (typeof CHANNELS)[number]>;
const allChannelsListed: Missing extends never ? true : Missing = true;
void allChannelsListed;
// Compile-time check that every channel has a request schema and no schema is left without a channel.
type Unchecked = Exclude<Channel, SchemaChannel> | Exclude<SchemaChannel, Channel>;
const everyChannelValidated: Unchecked extends never ? true : Unchecked = true;
void everyChannelValidated;

/** Events pushed from a host to the renderer. */
export interface EventMap {
  'library:progress': ImportProgress;
  'library:changed': { reason: string };
  /** How far an export has got: `done` of `total` steps (items or documents read, over every reading). */
  'briefs:exportProgress': { briefId: string; done: number; total: number };
  /** A menu or shortcut action from the desktop host, e.g. `view:library`. */
  'app:command': { command: string };
}
export type EventName = keyof EventMap;
export const EVENTS = ['library:progress', 'library:changed', 'briefs:exportProgress', 'app:command'] as const satisfies readonly EventName[];

/** The single IPC channel that carries host-to-renderer events in the desktop app. */
export const EVENT_CHANNEL = 'dossier:event';

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENTS as readonly string[]).includes(name);
}

/** Errors cross the boundary as data so every host reports them the same way. */
export interface WireError {
  code: string;
  message: string;
}

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string> = C extends `${string}:${infer V}` ? V : never;
type Method<C extends Channel> = [RequestOf<C>] extends [void]
  ? () => Promise<ResponseOf<C>>
  : (request: RequestOf<C>) => Promise<ResponseOf<C>>;

export type Domains = {
  [D in DomainOf<Channel>]: { [C in Channel as DomainOf<C> extends D ? VerbOf<C> : never]: Method<C> };
};

/** The API the preload exposes as `window.dossier` and the HTTP bridge mirrors. */
export type DossierApi = Domains & {
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
};

/** Builds `{ domain: { verb: fn } }` from the channel list, so no host can expose more than the contract. */
export function buildApi(
  invoke: (channel: Channel, request: unknown) => Promise<unknown>,
  on: DossierApi['on'],
): DossierApi {
  const api: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (request?: unknown) => invoke(channel, request);
  }
  return Object.assign(api, { on }) as unknown as DossierApi;
}
