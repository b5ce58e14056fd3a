// The Markdown vault and ClaimReview against a real library: one file per document with YAML front
// matter, claims and notes linking back to their passages, one per brief and collection, wikilinks that
// all resolve; a reviewed claim as schema.org ClaimReview with its verdict, and an error for one not reviewed.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/services/container.ts';
import { buildLibrary, openLibrary, workDir } from './helpers.ts';

let work: string;
let services: Services | null = null;
afterEach(async () => {
  await services?.close();
  services = null;
  rmSync(work, { recursive: true, force: true });
});

describe('Markdown vault', () => {
  it('writes documents, briefs and collections with front matter, passage links and wikilinks that resolve', async () => {
    work = workDir('vault');
    services = await openLibrary(join(work, 'lib'));
    const built = await buildLibrary(services, join(work, 'inbox'));
    const files = await services.vault(null);
    const paths = files.map((f) => f.path).sort();
    expect(paths).toEqual([
      'Briefs/Three disasters.md',
      'Collections/Disasters 2021-23.md',
      'Documents/Giant container ship blocks the Suez Canal.md',
      'Documents/Powerful earthquake strikes southern Turkey and Syria.md',
      'Documents/Tonga eruption sends ash plume to record height.md',
      'Index.md',
    ]);
    const canal = files.find((f) => f.path.includes('Suez'))!.content;
    const front = yaml.load(/^---\n([\s\S]*?)\n---\n/.exec(canal)![1]!) as Record<string, unknown>;
    expect(front).toMatchObject({ title: 'Giant container ship blocks the Suez Canal', outlet: 'Harbour Wire', format: 'txt', tags: ['shipping'], collections: ['[[Disasters 2021-23]]'], dossier: `dossier://doc/${built.ids['canal.txt']}` });
    const text = await services.store.readText(built.ids['canal.txt']!);
    // Every passage link points at the words quoted above it.
    for (const [, quote, start, end] of canal.matchAll(/^> (.+)\n> — (?:.*?)\[passage\]\(dossier:\/\/doc\/\w+#(\d+)-(\d+)\)/gm)) {
      expect(text.slice(Number(start), Number(end)).replace(/\s+/g, ' ')).toBe(quote);
    }
    expect(canal).toMatch(/> More than 400 ships were waiting to pass\n> — \[passage\]/);
    expect(canal).toContain('Check the ship count against the **authority** log.');
    expect(canal).toContain('review: accepted');
    expect(canal).toContain('- [[Three disasters]]');
    const brief = files.find((f) => f.path.startsWith('Briefs/'))!.content;
    expect(brief).toMatch(/## Shipping/);
    expect(brief).toMatch(/\[\[Giant container ship blocks the Suez Canal#\^c-\d+-\d+\|Giant container ship blocks the Suez Canal\]\]/);
    // Every wikilink names a file of the vault, and every block it names exists there.
    const byName = new Map(files.map((f) => [f.path.split('/').pop()!.replace(/\.md$/, ''), f.content]));
    for (const file of files) {
      for (const [, target] of file.content.matchAll(/\[\[([^\]|]+)(?:\|[^\]]*)?\]\]/g)) {
        const [name, block] = target!.split('#^');
        expect(byName.has(name!), `${file.path} links to ${name}`).toBe(true);
        if (block) expect(byName.get(name!)).toContain(`^${block}`);
      }
    }
    // One collection's vault holds only its documents.
    const scoped = await services.vault(services.collections.get(built.collectionId));
    expect(scoped.filter((f) => f.path.startsWith('Documents/'))).toHaveLength(2);
  });
});

describe('ClaimReview', () => {
  it('writes a reviewed claim as schema.org ClaimReview with the analyst verdict', async () => {
    work = workDir('claimreview');
    services = await openLibrary(join(work, 'lib'));
    const built = await buildLibrary(services, join(work, 'inbox'));
    const h = services.handlers;
    const tonga = built.ids['tonga.txt']!;
    const plume = (await h['claims:list']({ id: tonga })).claims.find((c) => c.text.includes('58 kilometres'))!;
    await h['notes:create']({ docId: tonga, claimId: plume.id, body: 'NASA put the plume at 57 km in a later paper.' });
    const file = await h['claims:claimReview']({ docId: tonga, claimId: plume.id, reviewer: 'Harbour Fact Desk', url: 'https://facts.example.org/tonga-plume' });
    const json = JSON.parse(Buffer.from(file.dataBase64, 'base64').toString('utf8'));
    expect(json).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: plume.text,
      author: { '@type': 'Organization', name: 'Harbour Fact Desk' },
      url: 'https://facts.example.org/tonga-plume',
      reviewBody: 'NASA put the plume at 57 km in a later paper.',
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'NASA' },
        datePublished: '2022-01-16',
        appearance: { '@type': 'CreativeWork', headline: 'Tonga eruption sends ash plume to record height', datePublished: '2022-01-16', author: [{ '@type': 'Person', name: 'Lea Moana' }] },
      },
      reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 3, worstRating: 1, alternateName: 'Corrected: the claim needed correcting' },
    });
    expect(json.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const canal = built.ids['canal.txt']!;
    const claims = (await h['claims:list']({ id: canal })).claims;
    const ships = claims.find((c) => c.review)!;
    const accepted = JSON.parse(Buffer.from((await h['claims:claimReview']({ docId: canal, claimId: ships.id })).dataBase64, 'base64').toString('utf8'));
    expect(accepted.reviewRating).toMatchObject({ ratingValue: 3, alternateName: 'Accepted: the claim is as the source states it' });
    expect(accepted.itemReviewed.appearance).toMatchObject({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'Harbour Wire' } });
    const unreviewed = claims.find((c) => !c.review)!;
    await expect(h['claims:claimReview']({ docId: canal, claimId: unreviewed.id })).rejects.toThrow(/has not been reviewed yet: accept, correct or reject it first/);
  });
});
