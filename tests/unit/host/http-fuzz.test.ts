// Fuzzes the browser host over loopback: malformed request lines, paths and headers on raw sockets,
// and mutated bodies for every contract channel. Bounded in count; seeded, so a failure replays.
// The host must stay up, never answer 500 to bad input, and store nothing a schema refuses.
import { connect } from 'node:net';
import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/container.ts';
import { startHttpHost, type HttpHost } from '../../../electron/host/http-host.ts';
import { InlineClaimsRunner } from '../../../electron/services/claims/claims-runner.ts';
import { CHANNELS } from '../../../shared/ipc/contract.ts';

const RAW_CASES = 400;
const API_CASES = 1_400;

let work: string;
let services: Services;
let host: HttpHost;
const statusCounts: Record<string, number> = {};
const count = (key: string) => (statusCounts[key] = (statusCounts[key] ?? 0) + 1);

/** Mulberry32: small, seeded, good enough to pick mutations reproducibly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rawRequest(bytes: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(host.port, '127.0.0.1');
    let reply = '';
    const finish = () => {
      socket.destroy();
      resolve(reply);
    };
    socket.setTimeout(1_500, finish);
    socket.on('data', (d) => (reply += d.toString('latin1')));
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', finish);
    socket.write(bytes, () => socket.end());
  });
}

function post(channel: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: host.port, path: `/api/${channel}`, method: 'POST', headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function alive(): Promise<boolean> {
  const reply = await post('app:info', '');
  return reply.status === 200 && JSON.parse(reply.body).result.host === 'browser';
}

const deepArray = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const deepObject = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

/** Values that break naive handlers: wrong types, edge numbers, huge or deeply nested ones. */
function hostileValues(): unknown[] {
  return [
    null,
    [],
    {},
    '',
    '/',
    '../../etc/passwd',
    0,
    -1,
    1.5,
    1e308,
    true,
    'x'.repeat(3_000_000),
    Array.from({ length: 20_000 }, (_, i) => i),
    { unit: { nested: true } },
    { __proto__: { polluted: true } },
    JSON.parse(deepObject(40)),
    JSON.parse(deepArray(30)),
    '%E0%A4%A',
    '\u0000\u001b]0;title\u0007',
  ];
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

let docId = '';
let claimId = '';
let noteId = '';
let briefId = '';

/** One plausible request per channel, so mutations reach past the first check into the services. */
function validSample(channel: string): Record<string, unknown> | undefined {
  const samples: Record<string, Record<string, unknown> | undefined> = {
    'app:info': undefined,
    'library:list': { limit: 5 },
    'library:get': { id: docId },
    'library:import': { files: [{ name: 'fuzz.txt', dataBase64: Buffer.from('A short report of 12 ships.').toString('base64') }] },
    'library:cancelImport': { jobId: 'job-1' },
    'library:update': { id: docId, changes: { title: 'Renamed', tags: ['a'] } },
    'library:delete': { id: 'missing' },
    'library:restore': { id: 'missing' },
    'claims:list': { id: docId },
    'claims:review': { docId, claimId, status: 'accepted', edits: { quantities: [{ low: 1, high: 2, unit: 'ships' }] } },
    'claims:add': { docId, start: 0, end: 10 },
    'compare:run': { docIds: [docId] },
    'briefs:list': undefined,
    'briefs:get': { id: briefId },
    'briefs:create': { title: 'T', items: [{ id: 'h', type: 'heading', text: 'H' }] },
    'briefs:update': { id: briefId, title: 'T2' },
    'briefs:duplicate': { id: briefId },
    'briefs:delete': { id: 'missing' },
    'briefs:restore': { id: 'missing' },
    'briefs:claimItem': { docId, claimId },
    'briefs:export': { id: briefId, format: 'md' },
    'notes:list': { docId },
    'notes:create': { docId, start: 0, end: 5, body: 'note' },
    'notes:update': { id: noteId, body: 'edited' },
    'notes:delete': { id: 'missing' },
    'notes:restore': { id: 'missing' },
    'search:query': { query: 'ships', limit: 3 },
    'dialog:openFiles': undefined,
    'library:exportArchive': {},
    'library:importArchive': { file: { name: 'fuzz.dossier.zip', dataBase64: Buffer.from('PK\u0003\u0004 cut short').toString('base64') } },
    'library:exportVault': {},
    'annotations:export': {},
    'annotations:import': { file: { name: 'fuzz.json', dataBase64: Buffer.from('{"annotations": []}').toString('base64') } },
    'claims:claimReview': { docId, claimId, reviewer: 'Desk' },
  };
  return samples[channel];
}

/** Replaces one value somewhere in the sample (top level or one level down) with a hostile one. */
function mutate(rand: () => number, sample: Record<string, unknown> | undefined): string {
  const roll = rand();
  if (roll < 0.08) return pick(rand, ['{', '[1,', '{"id":', 'nul', '"\\x"', '\u0000', '{"a":1}}']);
  if (roll < 0.12) return pick(rand, [deepArray(20_000), deepObject(20_000)]);
  if (roll < 0.18 || !sample) return JSON.stringify(pick(rand, hostileValues()));
  const copy = structuredClone(sample);
  const keys = Object.keys(copy);
  const key = rand() < 0.2 ? `extra${Math.floor(rand() * 3)}` : pick(rand, keys);
  const inner = copy[key];
  if (inner && typeof inner === 'object' && !Array.isArray(inner) && rand() < 0.5) {
    const innerKeys = Object.keys(inner);
    if (innerKeys.length) (inner as Record<string, unknown>)[pick(rand, innerKeys)] = pick(rand, hostileValues());
  } else if (Array.isArray(inner) && inner.length && rand() < 0.5) {
    inner[0] = pick(rand, hostileValues());
  } else {
    copy[key] = pick(rand, hostileValues());
  }
  return JSON.stringify(copy);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dossier-fuzz-'));
  const rendererDir = join(work, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dossier</title>');
  services = await openServices({ libraryDir: join(work, 'library'), host: 'browser', version: 'test', claims: new InlineClaimsRunner() });
  host = await startHttpHost({ handlers: services.handlers, rendererDir });
  const text = 'The port authority said 40 ships were waiting on Monday. Officials estimated that about 1,200 containers were delayed.';
  const [imported] = await services.handlers['library:import']({ files: [{ name: 'seed.txt', dataBase64: Buffer.from(text).toString('base64') }] });
  docId = imported!.id!;
  const claims = await services.handlers['claims:list']({ id: docId });
  claimId = claims.claims[0]!.id;
  noteId = (await services.handlers['notes:create']({ docId, body: 'seed note' })).id;
  briefId = (await services.handlers['briefs:create']({ title: 'Seed' })).id;
}, 120_000);

afterAll(async () => {
  await host?.close();
  await services?.close();
  rmSync(work, { recursive: true, force: true });
  console.log(`http fuzz status codes: ${JSON.stringify(statusCounts)}`);
});

describe('browser host under malformed input', () => {
  it(`answers ${RAW_CASES} malformed request lines, paths and headers without a 500, and stays up`, async () => {
    const rand = random(0x5eed);
    const methods = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'G\u0000T', '', 'HEAD', 'PATCH', 'X'.repeat(300)];
    const paths = [
      '//[',
      '/api/%E0%A4%A',
      '/api/%',
      '/api/library%3Aget',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/../../../../etc/passwd',
      'http://[::1/',
      '*',
      '/api/' + 'a'.repeat(10_000),
      '/\u0000',
      '/api/events?token=%ZZ',
      '/assets/%',
      '/?' + '&'.repeat(5_000),
      '',
      'no-slash',
    ];
    const headerSets = [
      () => `Host: 127.0.0.1:${host.port}\r\n`,
      () => `Host: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${host.token}\r\n`,
      () => `Host: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${host.token}\r\nContent-Length: 99999999999999999999\r\n`,
      () => `Host: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${host.token}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
      () => `Host: evil.example\r\n`,
      () => `Host: 127.0.0.1:${host.port}\r\nOrigin: null\r\n`,
      () => `Host: 127.0.0.1:${host.port}\r\nX-Long: ${'v'.repeat(20_000)}\r\n`,
      () => `Host: 127.0.0.1:${host.port}\r\nBad Header\r\n`,
      () => `Host: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${'\u00ff'.repeat(40)}\r\n`,
      () => '',
    ];
    for (let batch = 0; batch < RAW_CASES; batch += 20) {
      const replies = await Promise.all(
        Array.from({ length: Math.min(20, RAW_CASES - batch) }, () => {
          let line: string;
          const kind = rand();
          if (kind < 0.15) line = Buffer.from(Array.from({ length: 1 + Math.floor(rand() * 200) }, () => Math.floor(rand() * 256))).toString('latin1');
          else line = `${pick(rand, methods)} ${pick(rand, paths)} ${pick(rand, ['HTTP/1.1', 'HTTP/1.0', 'HTTP/9', '', 'FOO'])}\r\n${pick(rand, headerSets)()}\r\n`;
          return rawRequest(Buffer.from(line, 'latin1'));
        }),
      );
      for (const reply of replies) {
        const status = /^HTTP\/1\.[01] (\d{3})/.exec(reply)?.[1] ?? 'closed';
        count(`raw ${status}`);
        expect(status).not.toBe('500');
      }
    }
    expect(await alive()).toBe(true);
  });

  it(`answers ${API_CASES} mutated requests over ${CHANNELS.length} channels with 2xx or 4xx, and stays up`, async () => {
    const rand = random(0xd055);
    for (let i = 0; i < API_CASES; i++) {
      const channel = CHANNELS[i % CHANNELS.length]!;
      const body = mutate(rand, validSample(channel));
      const reply = await post(channel, body);
      count(`api ${reply.status}`);
      if (reply.status >= 500) throw new Error(`${channel} answered ${reply.status} to ${body.slice(0, 200)}: ${reply.body}`);
    }
    expect(await alive()).toBe(true);
  }, 240_000);

  it('refuses a figure unit that is an object, and stores nothing', async () => {
    const reply = await post('claims:review', JSON.stringify({ docId, claimId, edits: { quantities: [{ low: 1, high: 2, unit: { a: 1 } }] } }));
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.message).toContain('edits.quantities[0].unit');
    const compare = await post('compare:run', JSON.stringify({ docIds: [docId] }));
    expect(compare.status).toBe(200);
    const exported = await post('briefs:export', JSON.stringify({ allClaims: true, format: 'html' }));
    expect(exported.status).toBe(200);
  });

  it('refuses `paths` given as a string instead of walking the disk', async () => {
    const reply = await post('library:import', JSON.stringify({ paths: '/' }));
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.message).toMatch(/field `paths`: expected Array, got a string/);
  });

  it('refuses a note whose claim id is nested thousands of levels deep', async () => {
    const reply = await post('notes:create', `{"docId":"${docId}","body":"x","claimId":${deepArray(10_000)}}`);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.message).toMatch(/nested more than/);
    const list = await post('notes:list', '{}');
    expect(list.status).toBe(200);
  });
});
