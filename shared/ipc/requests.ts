// One valibot schema per contract channel: the contract's request types are derived from these, and
// every host (Electron IPC, browser host, CLI) checks each request against them before a service sees it.
// Pure: valibot imports neither Node nor the DOM.
import * as v from 'valibot';
import type { BriefItem } from '../types/brief.ts';
import type { ClaimEdits } from '../types/claims.ts';
import type { DocumentMetadata } from '../types/library.ts';
import type { NoteDraft } from '../types/notes.ts';
import type { SearchQuery } from '../types/search.ts';

/** Bounds every request must stay within, whatever its channel: nesting, element count, text size. */
export const REQUEST_LIMITS = {
  maxDepth: 16,
  maxNodes: 200_000,
  /** Uploads travel as base64 strings; everything else is far smaller. */
  maxUploadChars: 200 * 1024 * 1024,
  maxTextChars: 1_000_000,
  maxLabelChars: 2_000,
  maxIdChars: 200,
  maxPathChars: 4_096,
  maxListItems: 10_000,
} as const;

const L = REQUEST_LIMITS;

const id = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(L.maxIdChars, `must be at most ${L.maxIdChars} characters`));
const label = v.pipe(v.string(), v.maxLength(L.maxLabelChars, `must be at most ${L.maxLabelChars} characters`));
const longText = v.pipe(v.string(), v.maxLength(L.maxTextChars, `must be at most ${L.maxTextChars} characters`));
const offset = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0, 'must not be negative'));
const finite = v.pipe(v.number(), v.finite('must be a finite number'));
const list = <T extends v.GenericSchema>(item: T, max: number = L.maxListItems) =>
  v.pipe(v.array(item), v.maxLength(max, `must hold at most ${max} entries`));

export const documentFormatSchema = v.picklist(['txt', 'md', 'html', 'pdf', 'docx']);
export const reviewStatusSchema = v.picklist(['accepted', 'rejected', 'pending']);
export const certaintySchema = v.picklist(['asserted', 'attributed', 'hedged']);
export const claimKindSchema = v.picklist(['quantity', 'event', 'statement', 'quote', 'forecast']);
export const quantityBoundSchema = v.picklist(['exact', 'range', 'at-least', 'at-most']);
export const exportFormatSchema = v.picklist(['md', 'html', 'pdf', 'docx']);

export const uploadedFileSchema = v.object({
  name: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(L.maxPathChars)),
  dataBase64: v.pipe(v.string(), v.maxLength(L.maxUploadChars, 'is larger than an upload may be')),
});

export const claimEditsSchema = v.object({
  source: v.optional(v.nullable(label)),
  via: v.optional(list(label, 50)),
  certainty: v.optional(certaintySchema),
  kind: v.optional(claimKindSchema),
  negated: v.optional(v.boolean()),
  quantities: v.optional(
    list(
      v.object({
        low: finite,
        high: v.nullable(finite),
        unit: v.optional(v.nullable(label)),
        approximate: v.optional(v.boolean()),
        bound: v.optional(quantityBoundSchema),
        text: v.optional(label),
      }),
      200,
    ),
  ),
});

export const textAnchorSchema = v.object({
  quote: v.object({ exact: longText, prefix: label, suffix: label }),
  position: v.object({ start: offset, end: offset }),
});

export const briefItemSchema = v.variant('type', [
  v.object({ id, type: v.literal('heading'), text: label }),
  v.object({ id, type: v.literal('text'), markdown: longText }),
  v.object({ id, type: v.literal('claim'), docId: id, claimId: id, anchor: textAnchorSchema }),
  v.object({ id, type: v.literal('note'), noteId: id }),
  v.object({ id, type: v.literal('group'), docIds: list(id), label }),
]);

export const documentChangesSchema = v.strictObject({
  title: v.optional(v.pipe(label, v.trim(), v.minLength(1, 'must not be empty'))),
  author: v.optional(v.nullable(label)),
  outlet: v.optional(v.nullable(label)),
  published: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(64)))),
  url: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(L.maxPathChars)))),
  lang: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(35)))),
  tags: v.optional(list(v.pipe(v.string(), v.maxLength(200)), 500)),
  collections: v.optional(list(id, 500)),
});

export const sourcesFormatSchema = v.picklist(['csl-json', 'bibtex', 'ris']);

export const noteDraftSchema = v.object({
  docId: v.optional(v.nullable(id)),
  claimId: v.optional(v.nullable(id)),
  start: v.optional(offset),
  end: v.optional(offset),
  body: longText,
});

export const searchQuerySchema = v.object({
  query: v.pipe(v.string(), v.maxLength(L.maxLabelChars)),
  tags: v.optional(list(v.pipe(v.string(), v.maxLength(200)), 500)),
  outlet: v.optional(label),
  collection: v.optional(id),
  formats: v.optional(list(documentFormatSchema, 10)),
  from: v.optional(v.pipe(v.string(), v.maxLength(64))),
  to: v.optional(v.pipe(v.string(), v.maxLength(64))),
  limit: v.optional(v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'))),
});

/** A file to import: a path the host can read (desktop app, command line) or an upload (browser). */
const pathOrUpload = {
  path: v.optional(v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(L.maxPathChars))),
  file: v.optional(uploadedFileSchema),
};
const scope = { collection: v.optional(id) };

/** Channels without a request take nothing; an empty object or null (what HTTP and IPC send) is accepted. */
const noRequest = v.optional(v.union([v.null(), v.object({})]));
const byId = v.object({ id });

export const REQUEST_SCHEMAS = {
  'app:info': noRequest,
  'library:list': v.optional(
    v.nullable(v.object({ limit: v.optional(v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'))) })),
  ),
  'library:get': byId,
  'library:import': v.object({
    paths: v.optional(list(v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(L.maxPathChars)))),
    files: v.optional(list(uploadedFileSchema)),
    jobId: v.optional(id),
  }),
  'library:cancelImport': v.object({ jobId: id }),
  'library:update': v.object({ id, changes: documentChangesSchema }),
  'library:updateMany': v.object({ updates: list(v.object({ id, changes: documentChangesSchema })) }),
  'library:sources': v.object({ format: sourcesFormatSchema, collection: v.optional(id), docIds: v.optional(list(id)) }),
  'library:exportArchive': v.optional(v.nullable(v.object(scope))),
  'library:importArchive': v.object(pathOrUpload),
  'library:exportVault': v.optional(v.nullable(v.object(scope))),
  'annotations:export': v.optional(v.nullable(v.object(scope))),
  'annotations:import': v.object({ ...pathOrUpload, ...scope }),
  'collections:list': noRequest,
  'collections:create': v.object({ name: v.pipe(label, v.trim(), v.minLength(1, 'must not be empty')) }),
  'collections:rename': v.object({ id, name: v.pipe(label, v.trim(), v.minLength(1, 'must not be empty')) }),
  'collections:delete': byId,
  'collections:restore': byId,
  'library:delete': byId,
  'library:restore': byId,
  'claims:list': byId,
  'claims:review': v.object({ docId: id, claimId: id, status: v.optional(reviewStatusSchema), edits: v.optional(claimEditsSchema) }),
  'claims:add': v.object({ docId: id, start: offset, end: offset, edits: v.optional(claimEditsSchema) }),
  'claims:revert': v.object({ docId: id, claimId: id }),
  'claims:claimReview': v.object({
    docId: id,
    claimId: id,
    reviewer: v.optional(v.pipe(label, v.trim())),
    url: v.optional(v.pipe(v.string(), v.maxLength(L.maxPathChars), v.regex(/^https?:\/\/\S+$/i, 'must be an http(s) address'))),
  }),
  'compare:run': v.object({ docIds: v.pipe(list(id), v.minLength(1, 'must name at least one document')) }),
  'briefs:list': noRequest,
  'briefs:get': byId,
  'briefs:create': v.object({ title: label, items: v.optional(list(briefItemSchema)) }),
  'briefs:update': v.object({ id, title: v.optional(label), items: v.optional(list(briefItemSchema)) }),
  'briefs:duplicate': byId,
  'briefs:delete': byId,
  'briefs:restore': byId,
  'briefs:group': v.object({ docIds: v.pipe(list(id), v.minLength(1, 'must name at least one document')), label }),
  'briefs:claimItem': v.object({ docId: id, claimId: id }),
  'briefs:export': v.object({ id: v.optional(id), allClaims: v.optional(v.boolean()), title: v.optional(label), format: exportFormatSchema }),
  'notes:list': v.optional(v.nullable(v.object({ docId: v.optional(id), query: v.optional(label) }))),
  'notes:create': noteDraftSchema,
  'notes:update': v.object({ id, body: longText }),
  'notes:delete': byId,
  'notes:restore': byId,
  'search:query': searchQuerySchema,
  'dialog:openFiles': noRequest,
  'dialog:openFolder': noRequest,
} as const;

export type SchemaChannel = keyof typeof REQUEST_SCHEMAS;
/** A channel's request as callers may send it. */
export type RequestInput<C extends SchemaChannel> = v.InferInput<(typeof REQUEST_SCHEMAS)[C]>;
/** A channel's request after validation, as the services receive it. */
export type ValidRequest<C extends SchemaChannel> = v.InferOutput<(typeof REQUEST_SCHEMAS)[C]>;

/** Raised for a request outside its channel's schema or limits; hosts answer it with 400 / a `bad-request` error. */
export class RequestValidationError extends Error {
  readonly code = 'bad-request';
  readonly status = 400;
  constructor(
    message: string,
    readonly field: string | null,
  ) {
    super(message);
    this.name = 'RequestValidationError';
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

/** Walks the raw value once, iteratively, before the schema sees it: no deep nesting, no huge trees. */
function checkBounds(value: unknown): void {
  const stack: Array<[unknown, number]> = [[value, 0]];
  let nodes = 0;
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (++nodes > L.maxNodes) throw new RequestValidationError(`The request has more than ${L.maxNodes} values.`, null);
    if (current === null || typeof current !== 'object') continue;
    if (depth >= L.maxDepth) throw new RequestValidationError(`The request is nested more than ${L.maxDepth} levels deep.`, null);
    for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push([child, depth + 1]);
  }
}

function fieldPath(issue: v.BaseIssue<unknown>): string | null {
  const keys = issue.path?.map((item) => item.key).filter((key) => key !== undefined) ?? [];
  if (!keys.length) return null;
  return keys.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join('');
}

/** Checks a request against its channel's schema and returns the validated copy (unknown keys dropped). */
export function validateRequest<C extends SchemaChannel>(channel: C, request: unknown): ValidRequest<C> {
  checkBounds(request);
  const result = v.safeParse(REQUEST_SCHEMAS[channel], request);
  if (result.success) return result.output as ValidRequest<C>;
  const issue = result.issues[0];
  const field = fieldPath(issue);
  const missing = issue.kind === 'schema' && issue.input === undefined && field !== null;
  const expected = missing
    ? 'is required'
    : issue.expected && issue.kind === 'schema'
      ? `expected ${issue.expected}, got ${typeName(issue.input)}`
      : issue.message;
  const where = field ? `field \`${field}\`` : 'the request';
  throw new RequestValidationError(`Invalid ${channel} request: ${where}: ${expected}.`, field);
}

// The named types other layers use must be exactly what the schemas accept, or type-checking fails.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namedTypesMatchSchemas: [
  Same<SearchQuery, v.InferOutput<typeof searchQuerySchema>>,
  Same<NoteDraft, v.InferOutput<typeof noteDraftSchema>>,
  Same<ClaimEdits, v.InferOutput<typeof claimEditsSchema>>,
  Same<BriefItem, v.InferOutput<typeof briefItemSchema>>,
  Same<Partial<DocumentMetadata>, v.InferOutput<typeof documentChangesSchema>>,
] = [true, true, true, true, true];
void namedTypesMatchSchemas;
