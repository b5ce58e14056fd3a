// The browser host over real HTTP on loopback: token, Host and Origin checks, contract-only
// channels, error replies, static files with the CSP, and the event stream.
import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/container.ts';
import { startHttpHost, type HttpHost } from '../../../electron/host/http-host.ts';
import { libraryPort } from '../../../electron/cli/main.ts';
import { createServer, type AddressInfo } from 'node:net';

let work: string;
let services: Services;
let host: HttpHost;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${channel}`, { method: 'POST', headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dossier-host-'));
  const rendererDir = join(work, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dossier</title>');
  const late: { host?: HttpHost } = {};
  services = await openServices({ libraryDir: join(work, 'library'), host: 'browser', version: 'test', emit: (e, p) => late.host?.emit(e, p) });
  host = await startHttpHost({ handlers: services.handlers, rendererDir, downloads: services.downloads });
  late.host = host;
});
afterAll(async () => {
  await host.close();
  await services.close();
  rmSync(work, { recursive: true, force: true });
});

describe('browser host', () => {
  it('listens on 127.0.0.1 and prints a URL that carries the token in the fragment', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[A-Za-z0-9_-]{20,}$`));
  });

  it('takes its preferred port when free and any free port when it is taken', async () => {
    const rendererDir = join(work, 'renderer');
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const free = (probe.address() as AddressInfo).port;
    await new Promise((done) => probe.close(done));
    const first = await startHttpHost({ handlers: services.handlers, rendererDir, preferredPort: free });
    const second = await startHttpHost({ handlers: services.handlers, rendererDir, preferredPort: free });
    try {
      expect(first.port).toBe(free);
      expect(second.port).not.toBe(free);
      await expect(startHttpHost({ handlers: services.handlers, rendererDir, port: free })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await first.close();
      await second.close();
    }
    expect(libraryPort(join(work, 'library'))).toBe(libraryPort(join(work, 'library', '.')));
    expect(libraryPort(join(work, 'library'))).not.toBe(libraryPort(join(work, 'other')));
    expect(libraryPort(join(work, 'library'))).toBeGreaterThanOrEqual(20_000);
    expect(libraryPort(join(work, 'library'))).toBeLessThan(60_000);
  });

  it('answers contract channels with the token, and refuses calls without it', async () => {
    expect((await send('/api/library:list', { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await api('library:list', {}, { authorization: 'Bearer wrong' })).status).toBe(401);
    const ok = await api('library:list', {});
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ result: [] });
  });

  it('refuses foreign Host and Origin headers (DNS rebinding, cross-site calls)', async () => {
    expect((await api('library:list', {}, { host: 'attacker.example' })).status).toBe(421);
    expect((await api('library:list', {}, { host: `127.0.0.1:${host.port + 1}` })).status).toBe(421);
    expect((await api('library:list', {}, { origin: 'http://attacker.example' })).status).toBe(403);
    expect((await api('library:list', {}, { origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('rejects channels outside the contract, bad JSON, GET calls and bad ids', async () => {
    expect((await api('shell:exec', {})).status).toBe(404);
    expect((await api('__proto__', {})).status).toBe(404);
    const badJson = await send('/api/library:list', { method: 'POST', headers: { authorization: `Bearer ${host.token}` }, body: '{nope' });
    expect(badJson.status).toBe(400);
    expect((await send('/api/library:list', { headers: { authorization: `Bearer ${host.token}` } })).status).toBe(405);
    const traversal = await api('library:get', { id: '../../../etc/passwd' });
    expect(traversal.status).toBe(400);
    expect(JSON.parse(traversal.body).error.code).toBe('bad-id');
  });

  it('imports an uploaded file and reports a clear error for a bad one, in one batch', async () => {
    const reply = await api('library:import', {
      files: [
        { name: 'note.txt', dataBase64: Buffer.from('The council said 12 bridges need repair.').toString('base64') },
        { name: 'blank.txt', dataBase64: '' },
      ],
    });
    const { result } = JSON.parse(reply.body);
    expect(result.map((r: { status: string }) => r.status)).toEqual(['imported', 'error']);
    expect(result[1].error).toMatch(/empty/);
  });

  it('sends an exported brief once, from disk, to the token holder only', async () => {
    const brief = JSON.parse((await api('briefs:create', { title: 'Bridges: 12 to mend', items: [] })).body).result as { id: string };
    const exported = JSON.parse((await api('briefs:export', { id: brief.id, format: 'md' })).body).result as { fileName: string; mime: string; bytes: number; download: string };
    expect(exported).toMatchObject({ fileName: 'Bridges-12-to-mend.md', mime: 'text/markdown' });
    expect(exported.download).toMatch(/^[0-9a-f]{32}$/);
    expect((await send(`/api/download/${exported.download}`)).status).toBe(401);
    const file = await send(`/api/download/${exported.download}`, { headers: { authorization: `Bearer ${host.token}` } });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/markdown');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="Bridges-12-to-mend.md"; filename*=UTF-8''Bridges-12-to-mend.md`);
    expect(Number(file.headers['content-length'])).toBe(exported.bytes);
    expect(file.body).toMatch(/^# Bridges: 12 to mend\n/);
    // Sent once: the file is gone from the host afterwards.
    expect((await send(`/api/download/${exported.download}`, { headers: { authorization: `Bearer ${host.token}` } })).status).toBe(404);
    expect((await send('/api/download/not-an-export', { headers: { authorization: `Bearer ${host.token}` } })).status).toBe(404);
  });

  it('serves the renderer with a strict CSP and no directory traversal', async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    const traversal = await send('/../../../../etc/passwd');
    expect(traversal.body).not.toContain('root:');
    expect((await send('/', { method: 'POST' })).status).toBe(405);
  });

  it('streams events to token holders only', async () => {
    expect((await send('/api/events')).status).toBe(401);
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}` }, (res) => {
        let data = '';
        res.on('data', (chunk) => {
          data += chunk;
          if (data.includes('event: library:changed')) {
            req.destroy();
            resolve(data);
          }
        });
        setTimeout(() => host.emit('library:changed', { reason: 'test' }), 50);
      });
      req.on('error', (e) => (String(e).includes('socket hang up') ? undefined : reject(e)));
      req.end();
    });
    expect(received).toContain('data: {"reason":"test"}');
  });
});
