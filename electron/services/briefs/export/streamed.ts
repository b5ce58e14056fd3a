// A brief read one item at a time, so an export of thousands of claims never holds them all: the
// resolver yields each item as it finds its passage, and the exporters write it and let it go.
// Text formats (Markdown, HTML) share one driver that writes a brief in reading order, keeping the
// footnotes aside in a spool until the end.
import type { CitedSource, ResolvedBrief, ResolvedBriefItem, ResolvedGroup } from '../../../../shared/types/brief.ts';
import { BriefPlanner, briefTitle, formatBibliography, type BibliographyEntry, type Footnote, type PlannedDispute, type PlannedItem } from './citations.ts';
import type { ExportOutput } from './output.ts';

export interface StreamedBrief {
  title: string;
  generatedAt: string;
  /** The items in reading order. Each iteration resolves them afresh, so a writer may read them twice. */
  items: AsyncIterable<ResolvedBriefItem>;
  /** Once `items` has been read through: every cited document, in order of first citation. */
  sources(): CitedSource[];
  /** Once `items` has been read through: the groups judged conflicting or evolving, in brief order. */
  disputes(): AsyncIterable<ResolvedGroup>;
  /**
   * What a writer needs before the first line, where the brief can tell it without being resolved
   * (every claim of a library is counted from the claim files): see `BriefOutline`.
   */
  outline?(needs: (text: string) => boolean): Promise<BriefOutline>;
}

/**
 * How many claims a brief lists and from how many documents, and whether any text it may print is one
 * that `needs` picks out (a superset: a "no" is certain, a "yes" may be cautious).
 */
export interface BriefOutline {
  claims: number;
  documents: number;
  needed: boolean;
}

/** The values, or null when there are none: a section's heading is written only above rows it has. */
export async function peek<T>(values: AsyncIterable<T>): Promise<AsyncIterable<T> | null> {
  const iterator = values[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return null;
  return {
    async *[Symbol.asyncIterator]() {
      yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    },
  };
}

/** Each value mapped as it comes. */
export async function* mapEach<T, U>(values: AsyncIterable<T>, map: (value: T) => U): AsyncGenerator<U> {
  for await (const value of values) yield map(value);
}

/** Reads an array as an async iterable. */
export async function* each<T>(values: Iterable<T>): AsyncGenerator<T> {
  yield* values;
}

/** A brief already resolved in memory, as a stream. */
export function streamOf(brief: ResolvedBrief): StreamedBrief {
  return {
    title: brief.title,
    generatedAt: brief.generatedAt,
    items: {
      async *[Symbol.asyncIterator]() {
        yield* brief.items;
      },
    },
    sources: () => brief.sources,
    disputes: () => each(brief.disputes),
  };
}

export type Emit = (text: string) => void;

/** A text format, written piece by piece through the `emit` it was made with: one instance per export. */
export interface TextWriter {
  begin(title: string, generatedAt: string): void;
  item(item: PlannedItem): void;
  /** One row of the table of disputed figures; `index` counts from 0. */
  dispute(dispute: PlannedDispute, index: number): void;
  /** After the last row, when there were `count`. */
  disputesEnd(count: number): void;
  sources(bibliography: BibliographyEntry[]): void;
  /** One footnote's text, kept aside until the notes are written at the end. */
  footnote(footnote: Footnote): string;
  notesBegin(): void;
  notesEnd(): void;
  end(hasNotes: boolean): void;
}

/** The whole brief as one string, for a brief already in memory. */
export function renderText(brief: ResolvedBrief, make: (emit: Emit) => TextWriter): string {
  const parts: string[] = [];
  const writer = make((text) => parts.push(text));
  const notes: string[] = [];
  const planner = new BriefPlanner((footnote) => notes.push(writer.footnote(footnote)));
  writer.begin(briefTitle(brief.title), brief.generatedAt);
  for (const item of brief.items) writer.item(planner.item(item));
  brief.disputes.forEach((group, i) => writer.dispute(planner.dispute(group), i));
  writer.disputesEnd(brief.disputes.length);
  writer.sources(formatBibliography(planner.sources(brief.sources)));
  if (notes.length) {
    writer.notesBegin();
    parts.push(...notes);
    writer.notesEnd();
  }
  writer.end(notes.length > 0);
  return parts.join('');
}

/** The brief written to `out` as its items arrive; only the footnotes wait, in a spool, for the end. */
export async function streamText(brief: StreamedBrief, make: (emit: Emit) => TextWriter, out: ExportOutput): Promise<void> {
  const writer = make((text) => out.write(text));
  const notes = out.spool();
  const planner = new BriefPlanner((footnote) => notes.write(writer.footnote(footnote)));
  writer.begin(briefTitle(brief.title), brief.generatedAt);
  for await (const item of brief.items) {
    writer.item(planner.item(item));
    await out.flush();
  }
  let disputes = 0;
  for await (const group of brief.disputes()) {
    writer.dispute(planner.dispute(group), disputes++);
    await out.flush();
  }
  writer.disputesEnd(disputes);
  await out.flush();
  writer.sources(formatBibliography(planner.sources(brief.sources())));
  await out.flush();
  if (notes.count) {
    writer.notesBegin();
    for await (const chunk of notes.chunks()) {
      out.write(chunk);
      await out.flush();
    }
    writer.notesEnd();
  }
  writer.end(notes.count > 0);
  await out.flush();
}
