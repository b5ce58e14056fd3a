// Crash safety: kill -9 the browser host in the middle of a stream of note and metadata writes,
// restart it, and check that the library loads and every acknowledged write is there.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

interface Host {
  child: ChildProcess;
  origin: string;
  token: string;
}

const work = mkdtempSync(join(tmpdir(), 'dossier-kill-'));
const library = join(work, 'library');
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function startHost(): Promise<Host> {
  const child = spawn(process.execPath, ['bin/dossier.mjs', 'serve', '--library', library], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      output += d;
      const match = /Open (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`host exited ${code}: ${output}`)));
  });
  const parsed = new URL(url);
  return { child, origin: parsed.origin, token: parsed.hash.replace('#token=', '') };
}

async function call<T>(host: Host, channel: string, body: unknown): Promise<T> {
  const response = await fetch(`${host.origin}/api/${channel}`, { method: 'POST', headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await response.json()) as { result?: T; error?: { message: string } };
  if (!response.ok) throw new Error(json.error?.message ?? String(response.status));
  return json.result as T;
}

function kill(host: Host): Promise<void> {
  return new Promise((resolve) => {
    host.child.once('exit', () => resolve());
    host.child.kill('SIGKILL');
  });
}

describe('kill -9 during writes', () => {
  it('keeps every acknowledged note and metadata write across three kills (1,000+ writes)', async () => {
    writeFileSync(join(work, 'doc.txt'), 'The ministry said 1,200 schools reopened. Teachers returned on Monday.');
    let host = await startHost();
    const [{ id: docId }] = await call<Array<{ id: string }>>(host, 'library:import', { paths: [join(work, 'doc.txt')] });

    // What the host acknowledged, and everything sent, per note id and for the document title.
    // Each lane updates only its own notes, so one note never has two writes in flight.
    const ackedNotes = new Map<string, string>();
    const sentAfterAck = new Map<string, Set<string>>();
    const laneNotes = new Map<number, string[]>();
    let ackedTitle: string | null = null;
    const titlesSentAfterAck = new Set<string>();
    let writes = 0;
    let acked = 0;

    for (let round = 0; round < 3; round++) {
      const killAt = acked + 380 + Math.floor(Math.random() * 100);
      let killed = false;
      const worker = async (lane: number) => {
        for (let i = 0; !killed; i++) {
          const n = writes++;
          try {
            const own = laneNotes.get(lane) ?? [];
            if (n % 3 === 0 || own.length === 0) {
              const body = `note ${n} from lane ${lane}`;
              const note = await call<{ id: string }>(host, 'notes:create', { docId, body });
              ackedNotes.set(note.id, body);
              sentAfterAck.set(note.id, new Set());
              laneNotes.set(lane, [...own, note.id]);
            } else if (n % 3 === 1) {
              const id = own[(n * 7) % own.length];
              const body = `update ${n} of ${id}`;
              sentAfterAck.get(id)!.add(body);
              await call(host, 'notes:update', { id, body });
              ackedNotes.set(id, body);
              sentAfterAck.get(id)!.clear();
            } else if (lane === 0) {
              const title = `Schools report, revision ${n}`;
              titlesSentAfterAck.add(title);
              await call(host, 'library:update', { id: docId, changes: { title } });
              ackedTitle = title;
              titlesSentAfterAck.clear();
            } else {
              const id = own[n % own.length];
              const body = `edit ${n} of ${id}`;
              sentAfterAck.get(id)!.add(body);
              await call(host, 'notes:update', { id, body });
              ackedNotes.set(id, body);
              sentAfterAck.get(id)!.clear();
            }
            acked++;
            if (acked >= killAt && !killed) {
              killed = true;
              await kill(host);
            }
          } catch {
            return; // the host died under this request: not acknowledged
          }
          void i;
        }
      };
      await Promise.all([0, 1, 2, 3].map(worker));
      if (host.child.exitCode === null && host.child.signalCode === null) await kill(host);

      host = await startHost(); // the dead owner's lock is taken over at once
      const notes = await call<Array<{ id: string; body: string }>>(host, 'notes:list', { docId });
      const found = new Map(notes.map((n) => [n.id, n.body]));
      for (const [id, body] of ackedNotes) {
        expect(found.has(id), `acknowledged note ${id} is missing after kill ${round + 1}`).toBe(true);
        const now = found.get(id)!;
        expect(now === body || sentAfterAck.get(id)!.has(now), `note ${id} holds “${now}”, acknowledged “${body}”`).toBe(true);
        ackedNotes.set(id, now);
        sentAfterAck.get(id)!.clear();
      }
      const doc = await call<Array<{ id: string; title: string }>>(host, 'library:list', {});
      if (ackedTitle) expect(doc[0].title === ackedTitle || titlesSentAfterAck.has(doc[0].title)).toBe(true);
      ackedTitle = doc[0].title;
      titlesSentAfterAck.clear();
    }
    await kill(host);
    expect(writes).toBeGreaterThanOrEqual(1000);
    console.log(`kill test: ${writes} writes sent, ${acked} acknowledged, ${ackedNotes.size} notes, all acknowledged writes survived 3 kills`);
  }, 180_000);
});
