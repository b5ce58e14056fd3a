// The library as a Markdown vault, readable in Obsidian or any Markdown editor: one file per document
// (YAML front matter with its metadata, then its claims and notes, each with a link back to its passage
// in Dossier and a block id that other files link to), one per brief, one per collection, and an index,
// joined by [[wikilinks]].
import yaml from 'js-yaml';
import type { Brief } from '../../../shared/types/brief.ts';
import type { Claim, ClaimSet } from '../../../shared/types/claims.ts';
import type { PageSpan } from '../../../shared/types/ingest.ts';
import type { Collection, DocumentRecord } from '../../../shared/types/library.ts';
import type { Note } from '../../../shared/types/notes.ts';
import { passageLink } from '../../../shared/links.ts';
import { resolveAnchor } from '../anchors/anchors.ts';
import { briefWithin, pageAt } from '../briefs/brief-service.ts';
import { splitAuthors } from '../sources/sources.ts';

export interface VaultFile {
  /** Path inside the vault, with forward slashes. */
  path: string;
  content: string;
}

export interface VaultDeps {
  documents(): DocumentRecord[];
  collections(): Collection[];
  text(id: string): Promise<string>;
  pages(id: string): Promise<PageSpan[] | null>;
  /** Claims with the analyst's reviews merged in. */
  claims(id: string): Promise<ClaimSet>;
  notes(): Promise<Note[]>;
  briefs(): Brief[];
}

/** Characters Obsidian and common file systems refuse in a note's name. */
const UNSAFE_NAME = /[\\/:*?"<>|#^[\]]+/g;

function safeName(title: string): string {
  const clean = [...title].map((c) => (c.charCodeAt(0) < 32 ? ' ' : c)).join('').replace(UNSAFE_NAME, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 120).trim();
  return clean || 'Untitled';
}

/** Gives each title a unique file name (case-insensitively, as macOS and Windows compare them). */
class Names {
  private readonly used = new Set<string>();
  take(title: string): string {
    const base = safeName(title);
    let name = base;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    this.used.add(name.toLowerCase());
    return name;
  }
}

const quoteLines = (text: string) => text.replace(/\s+/g, ' ').trim();
/** A wikilink's alias may not hold `|` or `]]`. */
const alias = (text: string) => text.replace(/[|[\]]/g, ' ').replace(/\s+/g, ' ').trim();
const blockId = (prefix: string, id: string | number) => `${prefix}-${String(id).replace(/[^A-Za-z0-9-]/g, '')}`;

function frontMatter(fields: Record<string, unknown>): string {
  const kept = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && !value.length)));
  return `---\n${yaml.dump(kept, { lineWidth: -1, noRefs: true, quotingType: '"' })}---\n`;
}

function claimLine(claim: Claim): string {
  const parts: string[] = [];
  if (claim.attribution) parts.push(`source: ${[claim.attribution.source, ...claim.attribution.via].join(' via ')}`);
  parts.push(claim.negated ? `${claim.certainty}, negated` : claim.certainty);
  if (claim.quantities.length) parts.push(`figures: ${claim.quantities.map((q) => q.text).join('; ')}`);
  if (claim.review) parts.push(`review: ${claim.review.added ? 'added' : claim.review.edited ? 'corrected' : claim.review.status}`);
  return parts.join(' · ');
}

export async function buildVault(deps: VaultDeps, collection: Collection | null): Promise<VaultFile[]> {
  const docs = deps.documents().filter((d) => !collection || d.collections?.includes(collection.id));
  const docIds = new Set(docs.map((d) => d.id));
  const collections = deps.collections().filter((c) => !collection || c.id === collection.id);
  const allNotes = await deps.notes();
  const briefs = deps.briefs().filter((b) => !collection || briefWithin(b, docIds));
  const names = new Names();
  names.take('Index'); // the vault's own index note
  const docName = new Map(docs.map((d) => [d.id, names.take(d.title)]));
  const briefName = new Map(briefs.map((b) => [b.id, names.take(b.title)]));
  const collectionName = new Map(collections.map((c) => [c.id, names.take(c.name)]));
  const files: VaultFile[] = [];
  const texts = new Map<string, string>();
  const textOf = async (id: string) => {
    if (!texts.has(id)) texts.set(id, await deps.text(id));
    return texts.get(id)!;
  };

  for (const doc of docs) {
    const name = docName.get(doc.id)!;
    const [set, pages] = await Promise.all([deps.claims(doc.id), deps.pages(doc.id)]);
    texts.set(doc.id, set.text);
    const notes = allNotes.filter((n) => n.docId === doc.id);
    const lines: string[] = [
      frontMatter({
        title: doc.title,
        authors: splitAuthors(doc.author),
        outlet: doc.outlet,
        published: doc.published,
        url: doc.url,
        lang: doc.lang,
        format: doc.format,
        tags: doc.tags.map((t) => t.replace(/\s+/g, '-')),
        collections: (doc.collections ?? []).filter((c) => collectionName.has(c)).map((c) => `[[${collectionName.get(c)}]]`),
        dossier: `dossier://doc/${doc.id}`,
        imported: doc.importedAt,
      }),
      `# ${doc.title}`,
      '',
    ];
    const byline = [doc.author, doc.outlet, doc.published?.slice(0, 10)].filter(Boolean).join(' · ');
    if (byline || doc.url) lines.push(...[byline, doc.url ? `<${doc.url}>` : ''].filter(Boolean), '');
    const claims = set.claims.filter((c) => c.review?.status !== 'rejected' && !c.opinion);
    lines.push(`## Claims (${claims.length})`, '');
    if (!claims.length) lines.push('No claims were found in this document.', '');
    for (const claim of claims) {
      const page = pageAt(pages, claim.start);
      lines.push(`> ${quoteLines(claim.text)}`, `> — ${claimLine(claim)} · [passage](${passageLink(doc.id, claim.start, claim.end)})${page ? ` · p. ${page}` : ''}`, '', `^${blockId('c', `${claim.start}-${claim.end}`)}`, '');
    }
    lines.push(`## Notes (${notes.length})`, '');
    if (!notes.length) lines.push('No notes yet.', '');
    for (const note of notes) {
      const at = note.anchor ? resolveAnchor(set.text, note.anchor) : null;
      if (note.anchor) {
        const page = at ? pageAt(pages, at.start) : null;
        lines.push(`> ${quoteLines(note.anchor.quote.exact)}`, at ? `> — [passage](${passageLink(doc.id, at.start, at.end)})${page ? ` · p. ${page}` : ''}` : '> — (this passage is no longer in the document)', '');
      }
      lines.push(note.body.trim(), '', `^${blockId('n', note.id)}`, '');
    }
    const inBriefs = briefs.filter((b) => b.items.some((i) => (i.type === 'claim' && i.docId === doc.id) || (i.type === 'group' && i.docIds.includes(doc.id)) || (i.type === 'note' && notes.some((n) => n.id === i.noteId))));
    if (inBriefs.length) lines.push('## Cited in', '', ...inBriefs.map((b) => `- [[${briefName.get(b.id)}]]`), '');
    files.push({ path: `Documents/${name}.md`, content: lines.join('\n') });
  }

  const notesById = new Map(allNotes.map((n) => [n.id, n]));
  for (const brief of briefs) {
    const lines = [frontMatter({ title: brief.title, created: brief.createdAt, updated: brief.updatedAt, dossier: `dossier://brief/${brief.id}` }), `# ${brief.title}`, ''];
    for (const item of brief.items) {
      if (item.type === 'heading') lines.push(`## ${item.text}`, '');
      else if (item.type === 'text') lines.push(item.markdown.trim(), '');
      else if (item.type === 'claim') {
        const text = await textOf(item.docId);
        const at = resolveAnchor(text, item.anchor);
        const doc = docName.get(item.docId);
        const quote = quoteLines(at ? text.slice(at.start, at.end) : item.anchor.quote.exact);
        lines.push(`> ${quote}`, `> — [[${doc}${at ? `#^${blockId('c', `${at.start}-${at.end}`)}` : ''}|${alias(doc ?? '')}]]${at ? ` · [passage](${passageLink(item.docId, at.start, at.end)})` : ''}`, '');
      } else if (item.type === 'note') {
        const note = notesById.get(item.noteId);
        if (!note) continue;
        lines.push(note.body.trim());
        if (note.docId && docName.has(note.docId)) lines.push('', `— note on [[${docName.get(note.docId)}#^${blockId('n', note.id)}|${alias(docName.get(note.docId)!)}]]`);
        lines.push('');
      } else {
        lines.push(`**Figures compared: ${item.label}**, across ${item.docIds.filter((id) => docName.has(id)).map((id) => `[[${docName.get(id)}]]`).join(', ')}`, '');
      }
    }
    files.push({ path: `Briefs/${briefName.get(brief.id)}.md`, content: lines.join('\n') });
  }

  for (const c of collections) {
    const members = docs.filter((d) => d.collections?.includes(c.id));
    const lines = [frontMatter({ title: c.name, documents: members.length }), `# ${c.name}`, '', ...members.map((d) => `- [[${docName.get(d.id)}]]${d.outlet ? ` — ${d.outlet}` : ''}${d.published ? `, ${d.published.slice(0, 10)}` : ''}`), ''];
    files.push({ path: `Collections/${collectionName.get(c.id)}.md`, content: lines.join('\n') });
  }

  const index = [
    frontMatter({ title: collection ? collection.name : 'Dossier library', exported: new Date().toISOString() }),
    `# ${collection ? collection.name : 'Dossier library'}`,
    '',
    `## Documents (${docs.length})`,
    '',
    ...docs.map((d) => `- [[${docName.get(d.id)}]]`),
    '',
  ];
  if (briefs.length) index.push(`## Briefs (${briefs.length})`, '', ...briefs.map((b) => `- [[${briefName.get(b.id)}]]`), '');
  if (collections.length) index.push(`## Collections (${collections.length})`, '', ...collections.map((c) => `- [[${collectionName.get(c.id)}]]`), '');
  files.push({ path: 'Index.md', content: index.join('\n') });
  return files;
}
