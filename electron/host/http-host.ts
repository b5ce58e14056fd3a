// The browser host: serves the built renderer and the typed contract over HTTP on 127.0.0.1 only.
// Every API call needs the per-run bearer token; Host and Origin must be this server's own (DNS rebinding).
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { isChannel, type EventMap, type EventName } from '../../shared/ipc/contract.ts';
import { dispatch, type Handlers } from '../services/container.ts';
import type { ExportDownload } from '../services/briefs/downloads.ts';
import { toWireError } from '../services/errors.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const MAX_BODY_BYTES = 256 * 1024 * 1024;

export interface HttpHostOptions {
  handlers: Handlers;
  rendererDir: string;
  /** A port that must be used; startup fails when it is taken. */
  port?: number;
  /** A port to try first, falling back to any free one when it is taken. */
  preferredPort?: number;
  token?: string;
  /** The command that started this host (`npm start`, `dossier serve`), named when a request has no key. */
  startCommand?: string;
  /** Exports waiting to be fetched once with `GET /api/download/<id>`. */
  downloads?: { take(id: string): ExportDownload | null; release(download: ExportDownload): Promise<void> };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
}

export interface HttpHost {
  url: string;
  port: number;
  token: string;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  close(): Promise<void>;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(data);
}

/** The request target as a URL, or null when it cannot be parsed (the caller answers 400). */
export function parseRequestUrl(target: string | undefined, port: number): URL | null {
  try {
    return new URL(target ?? '/', `http://127.0.0.1:${port}`);
  } catch {
    return null;
  }
}

/** Percent-decodes one path segment, or null for a malformed escape. */
function decodePathPart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * Answers a failed request. Errors the services raise on purpose (and request validation) are the
 * caller's fault: 4xx. Only an unexpected fault is a 500; if the answer has already begun, the
 * connection is closed instead so no other request is affected.
 */
function answerError(res: ServerResponse, error: unknown): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  const wire = toWireError(error);
  const status = (error as { status?: number } | null)?.status ?? (wire.code === 'internal' ? 500 : wire.code === 'disk-full' ? 507 : 400);
  sendJson(res, status, { error: wire });
}

/** `attachment; filename="…"` with an ASCII fallback and the full name in RFC 5987 form. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Streams a finished export from disk, then removes it; an unknown or already fetched id is a 404. */
function sendDownload(res: ServerResponse, download: ExportDownload | null, downloads: HttpHostOptions['downloads']): void {
  if (!download || !downloads) {
    sendJson(res, 404, { error: { code: 'not-found', message: 'This export is no longer available: export the brief again.' } });
    return;
  }
  res.writeHead(200, {
    'content-type': download.mime,
    'content-length': String(download.bytes),
    'content-disposition': contentDisposition(download.fileName),
    'cache-control': 'no-store',
  });
  const file = createReadStream(download.path);
  file.on('error', () => res.destroy());
  res.on('close', () => {
    file.destroy();
    void downloads.release(download);
  });
  file.pipe(res);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error('Request too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const streams = new Set<ServerResponse>();
  const serveStatic = sirv(options.rendererDir, { dev: false, etag: true, single: true });
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  /** Answers one request; anything it throws is caught by the server callback and answers this request only. */
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-frame-options', 'DENY');
    if (!allowedHosts().has(req.headers.host ?? '')) {
      sendJson(res, 421, { error: { code: 'bad-host', message: 'This server only answers on its own loopback address.' } });
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      sendJson(res, 403, { error: { code: 'bad-origin', message: 'Cross-origin requests are refused.' } });
      return;
    }
    const url = parseRequestUrl(req.url, port);
    if (!url) {
      sendJson(res, 400, { error: { code: 'bad-request', message: 'The request path is not a valid URL path.' } });
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendJson(res, 405, { error: { code: 'method', message: 'Method not allowed.' } });
        return;
      }
      serveStatic(req, res, () => sendJson(res, 404, { error: { code: 'not-found', message: 'Not found.' } }));
      return;
    }
    // EventSource cannot send headers, so the event stream alone takes the token as a query parameter.
    const auth = req.headers.authorization ?? '';
    const given = auth.startsWith('Bearer ') ? auth.slice(7) : url.pathname === '/api/events' ? (url.searchParams.get('token') ?? '') : '';
    if (!sameSecret(given, token)) {
      sendJson(res, 401, { error: { code: 'unauthorized', message: `Missing or wrong access token. Open the address printed by \`${options.startCommand ?? 'dossier serve'}\`.` } });
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname.startsWith('/api/download/') && req.method === 'GET') {
      sendDownload(res, options.downloads?.take(url.pathname.slice('/api/download/'.length)) ?? null, options.downloads);
      return;
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: { code: 'method', message: 'API calls are POST requests.' } });
      return;
    }
    const channel = decodePathPart(url.pathname.slice('/api/'.length));
    if (channel === null || !isChannel(channel)) {
      sendJson(res, 404, { error: { code: 'unknown-channel', message: `Unknown channel: ${channel ?? url.pathname}` } });
      return;
    }
    const raw = await readBody(req);
    let request: unknown;
    try {
      request = raw ? JSON.parse(raw) : undefined;
    } catch {
      sendJson(res, 400, { error: { code: 'bad-request', message: 'The request body is not valid JSON.' } });
      return;
    }
    const result = await dispatch(options.handlers, channel, request);
    sendJson(res, 200, { result: result ?? null });
  };

  const server: Server = createServer((req, res) => {
    // A client that goes away mid-request must not raise an unhandled error on this process.
    req.on('error', () => {});
    res.on('error', () => {});
    handle(req, res).catch((error: unknown) => answerError(res, error));
  });
  // Malformed request lines and headers are refused by Node's parser; answer 400 and keep serving.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });

  if (options.port === undefined && options.preferredPort) {
    await listen(server, options.preferredPort).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE' && error.code !== 'EACCES') throw error;
      return listen(server, 0);
    });
  } else {
    await listen(server, options.port ?? 0);
  }
  port = (server.address() as AddressInfo).port;
  const keepAlive = setInterval(() => {
    for (const stream of streams) stream.write(': ping\n\n');
  }, 20_000);
  keepAlive.unref();

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    emit(event, payload) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const stream of streams) stream.write(frame);
    },
    async close() {
      clearInterval(keepAlive);
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
