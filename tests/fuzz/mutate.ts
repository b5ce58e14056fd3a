// Mutations for fuzzing: byte flips, truncation, spliced and repeated chunks, and, for zip-based
// Word files, edits inside the XML parts so the parser gets past the zip layer.
import JSZip from 'jszip';
import type { Seed } from './seeds.ts';
import { rng } from '../../scripts/bench/corpus.ts';

export type Random = () => number;

/** The bench corpus's seeded generator, so a fuzz run can be repeated exactly. */
export const seeded: (seed: number) => Random = rng;

const int = (random: Random, max: number) => Math.floor(random() * max);

export function mutateBytes(bytes: Uint8Array, random: Random): { bytes: Uint8Array; how: string } {
  const out = new Uint8Array(bytes);
  switch (int(random, 6)) {
    case 0: {
      const flips = 1 + int(random, 16);
      for (let i = 0; i < flips; i++) out[int(random, out.length)] = int(random, 256);
      return { bytes: out, how: `flip ${flips} bytes` };
    }
    case 1:
      return { bytes: out.slice(0, int(random, out.length)), how: 'truncate' };
    case 2: {
      const at = int(random, out.length);
      const len = 1 + int(random, 64);
      const chunk = out.slice(at, at + len);
      const times = 1 + int(random, 50);
      const repeated = new Uint8Array(chunk.length * times);
      for (let i = 0; i < times; i++) repeated.set(chunk, i * chunk.length);
      return { bytes: concat(out.slice(0, at), repeated, out.slice(at)), how: `repeat ${len}B x${times}` };
    }
    case 3: {
      const at = int(random, out.length);
      const len = int(random, 256);
      out.fill(0, at, at + len);
      return { bytes: out, how: `zero ${len}B` };
    }
    case 4: {
      const at = int(random, out.length);
      const noise = new Uint8Array(1 + int(random, 128)).map(() => int(random, 256));
      return { bytes: concat(out.slice(0, at), noise, out.slice(at)), how: `insert ${noise.length}B` };
    }
    default: {
      const a = int(random, out.length);
      const b = int(random, out.length);
      return { bytes: concat(out.slice(0, Math.min(a, b)), out.slice(Math.max(a, b))), how: 'cut range' };
    }
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Mutates the XML inside a .docx and zips it again, so mammoth parses damaged markup. */
export async function mutateDocxXml(bytes: Uint8Array, random: Random): Promise<{ bytes: Uint8Array; how: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((f) => f.endsWith('.xml'));
  const part = parts[int(random, parts.length)];
  const xml = new TextEncoder().encode(await zip.file(part)!.async('string'));
  const mutated = mutateBytes(xml, random);
  zip.file(part, mutated.bytes);
  return { bytes: new Uint8Array(await zip.generateAsync({ type: 'uint8array' })), how: `${part}: ${mutated.how}` };
}

/** Structural HTML damage: unbalanced and deeply nested tags, huge attributes. */
export function mutateHtml(bytes: Uint8Array, random: Random): { bytes: Uint8Array; how: string } {
  const html = new TextDecoder().decode(bytes);
  const at = int(random, html.length);
  const kinds = [
    () => ({ text: '<div>'.repeat(2000 + int(random, 3000)), how: 'deep nesting' }),
    () => ({ text: `<p title="${'x'.repeat(100_000)}">`, how: 'huge attribute' }),
    () => ({ text: '</article></body></html><html><body>', how: 'early close' }),
    () => ({ text: '<![CDATA[<script>', how: 'cdata' }),
    () => ({ text: '&#xFFFFFFFF;&#0;&bogus;'.repeat(50), how: 'bad entities' }),
  ];
  const { text, how } = kinds[int(random, kinds.length)]();
  return { bytes: new TextEncoder().encode(html.slice(0, at) + text + html.slice(at)), how };
}

export async function mutate(seed: Seed, random: Random): Promise<{ name: string; bytes: Uint8Array; how: string }> {
  const ext = seed.name.slice(seed.name.lastIndexOf('.'));
  let result;
  if (ext === '.docx' && random() < 0.6) result = await mutateDocxXml(seed.bytes, random).catch(() => mutateBytes(seed.bytes, random));
  else if (ext === '.html' && random() < 0.4) result = mutateHtml(seed.bytes, random);
  else result = mutateBytes(seed.bytes, random);
  return { name: seed.name, ...result };
}
