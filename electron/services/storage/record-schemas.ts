// The shape of each record the library stores, checked when a shard is read: a record that parses but
// lacks what every layer relies on marks its shard as damaged (set aside and restored from a backup).
// Loose objects: fields added by later versions are kept, only the ones relied on are required.
import * as v from 'valibot';
import { claimEditsSchema, textAnchorSchema } from '../../../shared/ipc/requests.ts';

const stamp = v.string();
const optionalStamp = v.optional(v.nullable(v.string()));

export const documentRecordSchema = v.looseObject({
  id: v.pipe(v.string(), v.regex(/^[0-9a-f]{12}$/)),
  title: v.string(),
  format: v.picklist(['txt', 'md', 'html', 'pdf', 'docx']),
  sourcePath: v.string(),
  contentHash: v.string(),
  originalFile: v.string(),
  importedAt: stamp,
  tags: v.array(v.string()),
  deletedAt: optionalStamp,
});

export const noteRecordSchema = v.looseObject({
  id: v.string(),
  docId: v.nullable(v.string()),
  body: v.string(),
  createdAt: stamp,
  updatedAt: stamp,
  deletedAt: optionalStamp,
});

export const reviewRecordSchema = v.looseObject({
  id: v.string(),
  docId: v.string(),
  anchor: textAnchorSchema,
  status: v.picklist(['accepted', 'rejected', 'pending']),
  edits: v.nullable(claimEditsSchema),
  added: v.boolean(),
});

export const briefRecordSchema = v.looseObject({
  id: v.string(),
  title: v.string(),
  items: v.array(v.looseObject({ id: v.string(), type: v.string() })),
  createdAt: stamp,
  updatedAt: stamp,
  deletedAt: optionalStamp,
});

/** A shard check for one collection's records. */
export const recordCheck =
  (schema: v.GenericSchema) =>
  (value: unknown): boolean =>
    v.is(schema, value);

export const collectionRecordSchema = v.looseObject({
  id: v.string(),
  name: v.string(),
  createdAt: stamp,
  deletedAt: optionalStamp,
});
