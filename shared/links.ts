// `dossier://doc/<id>#<start>-<end>` links: the citation links in exported briefs, which open the
// cited passage in the reader. Pure functions shared by the Electron host and the renderer.

export interface PassageLink {
  docId: string;
  start: number | null;
  end: number | null;
}

export function passageLink(docId: string, start: number, end: number): string {
  return `dossier://doc/${docId}#${start}-${end}`;
}

export function parsePassageLink(url: string): PassageLink | null {
  const match = /^dossier:\/\/doc\/([0-9a-f]{12})\/?(?:#(\d+)-(\d+))?$/.exec(url.trim());
  if (!match) return null;
  const start = match[2] === undefined ? null : Number(match[2]);
  const end = match[3] === undefined ? null : Number(match[3]);
  if (start !== null && end !== null && end < start) return null;
  return { docId: match[1], start, end };
}
