// Collections: named sets of documents, one per story or project. A document lists the ids of its
// collections, so renaming a collection touches one record; deleting one can be undone until the
// library is next opened, when its id is also dropped from the documents.
import { randomBytes } from 'node:crypto';
import type { Collection, CollectionSummary, DocumentRecord } from '../../../shared/types/library.ts';
import { DossierError } from '../errors.ts';
import type { ShardedCollection } from '../storage/sharded-collection.ts';

export interface CollectionsDeps {
  collections: ShardedCollection<Collection>;
  documents(): Iterable<DocumentRecord>;
  /** Saves a document whose collection list changed. */
  saveDocument(record: DocumentRecord): Promise<void>;
}

const MAX_NAME = 120;

function cleanName(name: unknown): string {
  if (typeof name !== 'string' || !name.trim()) throw new DossierError('bad-request', 'A collection needs a name.');
  const clean = name.trim().replace(/\s+/g, ' ');
  if (clean.length > MAX_NAME) throw new DossierError('bad-request', `A collection name has at most ${MAX_NAME} characters.`);
  return clean;
}

export class CollectionsService {
  constructor(private readonly deps: CollectionsDeps) {}

  private live(): Collection[] {
    return [...this.deps.collections.values()].filter((c) => !c.deletedAt);
  }

  exists(id: string): boolean {
    const found = typeof id === 'string' ? this.deps.collections.get(id) : undefined;
    return !!found && !found.deletedAt;
  }

  get(id: string): Collection {
    const found = typeof id === 'string' ? this.deps.collections.get(id) : undefined;
    if (!found || found.deletedAt) throw new DossierError('not-found', `No collection with id ${String(id)}.`);
    return found;
  }

  /** By name, ignoring case: what the command line's --collection NAME means. */
  findByName(name: string): Collection | undefined {
    const key = name.trim().replace(/\s+/g, ' ').toLowerCase();
    return this.live().find((c) => c.name.toLowerCase() === key);
  }

  /** A collection given by id or by name. */
  resolve(idOrName: string): Collection {
    const byId = this.deps.collections.get(idOrName);
    if (byId && !byId.deletedAt) return byId;
    const byName = this.findByName(idOrName);
    if (!byName) throw new DossierError('not-found', `No collection named “${idOrName}”.`);
    return byName;
  }

  /** Sorted by name, each with the number of documents in it. */
  list(): CollectionSummary[] {
    const counts = new Map<string, number>();
    for (const doc of this.deps.documents()) {
      if (doc.deletedAt) continue;
      for (const id of doc.collections ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return this.live()
      .map((c) => ({ id: c.id, name: c.name, count: counts.get(c.id) ?? 0 }))
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
  }

  async create(name: unknown): Promise<Collection> {
    const clean = cleanName(name);
    if (this.findByName(clean)) throw new DossierError('exists', `A collection named “${clean}” already exists.`);
    const collection: Collection = { id: randomBytes(6).toString('hex'), name: clean, createdAt: new Date().toISOString(), deletedAt: null };
    await this.deps.collections.put(collection.id, collection);
    return collection;
  }

  /** The collection of that name, made when there is none yet. */
  async ensure(name: string): Promise<Collection> {
    return this.findByName(name) ?? this.create(name);
  }

  async rename(id: string, name: unknown): Promise<Collection> {
    const collection = this.get(id);
    const clean = cleanName(name);
    const clash = this.findByName(clean);
    if (clash && clash.id !== id) throw new DossierError('exists', `A collection named “${clean}” already exists.`);
    const renamed = { ...collection, name: clean };
    await this.deps.collections.put(id, renamed);
    return renamed;
  }

  /** Soft delete: the documents keep their membership, so undo brings the collection back whole. */
  async delete(id: string): Promise<{ id: string; name: string }> {
    const collection = this.get(id);
    await this.deps.collections.put(id, { ...collection, deletedAt: new Date().toISOString() });
    return { id, name: collection.name };
  }

  async restore(id: string): Promise<Collection> {
    const found = typeof id === 'string' ? this.deps.collections.get(id) : undefined;
    if (!found) throw new DossierError('not-found', `No collection with id ${String(id)} can be restored.`);
    const restored = { ...found, deletedAt: null };
    await this.deps.collections.put(id, restored);
    return restored;
  }

  /** Collections deleted in an earlier run are gone for good, and so is their membership. */
  async purgeDeleted(): Promise<void> {
    const gone = new Set(
      [...this.deps.collections.values()].filter((c) => c.deletedAt).map((c) => c.id),
    );
    if (!gone.size) return;
    for (const doc of [...this.deps.documents()]) {
      if (doc.collections?.some((id) => gone.has(id))) await this.deps.saveDocument({ ...doc, collections: doc.collections.filter((id) => !gone.has(id)) });
    }
    for (const id of gone) await this.deps.collections.delete(id);
  }
}
