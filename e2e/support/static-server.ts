/**
 * A small static file server for the e2e tests and the benchmark: the built app with the
 * COOP/COEP headers it needs, optional CORS (a second origin for model packages), and fault
 * injection (a missing or corrupted file) that a test can switch on and off over HTTP:
 *   POST /__faults  {"<path suffix>": "missing" | "corrupt" | "stall"}   ({} clears them)
 *   (stall: half the file, the rest only once the faults change: a download that hangs mid-way)
 */

import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';

export type Fault = 'missing' | 'corrupt' | 'stall';

export interface StaticServerOptions {
  root: string;
  port?: number;
  /** Access-Control-Allow-Origin: * (for serving model packages to another origin). */
  cors?: boolean;
}

export interface StaticServer {
  url: string;
  port: number;
  faults: Map<string, Fault>;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.bin': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

function headers(file: string, cors: boolean): Record<string, string> {
  return {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': cors ? 'cross-origin' : 'same-origin',
    'Cache-Control': 'no-cache',
    ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = path.resolve(options.root);
  const faults = new Map<string, Fault>();
  const requests: string[] = [];
  // Resolved (and replaced) whenever the faults change: what a stalled response waits for.
  let release = () => {};
  let faultsChanged = new Promise<void>((resolve) => (release = resolve));

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    if (url.pathname === '/__faults' && req.method === 'POST') {
      faults.clear();
      for (const [suffix, fault] of Object.entries(JSON.parse((await readBody(req)) || '{}') as Record<string, Fault>))
        faults.set(suffix, fault);
      release();
      faultsChanged = new Promise<void>((resolve) => (release = resolve));
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET' }).end();
      return;
    }
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if ((await stat(file).catch(() => null))?.isDirectory()) file = path.join(file, 'index.html');
    const fault = [...faults].find(([suffix]) => url.pathname.endsWith(suffix))?.[1];
    const body = fault === 'missing' ? null : await readFile(file).catch(() => null);
    if (!body)
      return void res
        .writeHead(404, { 'Content-Type': 'text/plain', ...(options.cors ? { 'Access-Control-Allow-Origin': '*' } : {}) })
        .end('not found');
    if (fault === 'corrupt') body[Math.floor(body.length / 2)] ^= 0xff;
    res.writeHead(200, { ...headers(file, options.cors ?? false), 'Content-Length': String(body.length) });
    if (fault === 'stall') {
      const half = Math.floor(body.length / 2);
      res.write(body.subarray(0, half));
      await faultsChanged;
      res.end(body.subarray(half)); // the client may have given up meanwhile: nothing to do then
      return;
    }
    res.end(body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });
  return new Promise((resolve) => {
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      resolve({
        url: `http://localhost:${port}/`,
        port,
        faults,
        requests,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
