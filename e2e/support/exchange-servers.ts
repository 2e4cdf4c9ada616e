/**
 * Local stand-ins for Coinbase Exchange and Kraken on their own ports (other origins than the app),
 * answering as e2e/fixtures/exchanges.ts does, with CORS, up to the real current day. A test can
 * make one misbehave (`fault`), stop its data earlier (`newest`), and read every request it got.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type Answer, coinbaseAnswer, krakenAnswer } from '../fixtures/exchanges.ts';

export type ExchangeKind = 'coinbase' | 'kraken';

/** Each way an answer can be bad; the page must keep its prices through every one. */
export const FAULTS = [
  '429-without-cors', // Coinbase's rate limit: error replies carry no CORS headers, fetch sees a network error
  'down', // 503 with CORS headers
  'no-cors', // a good answer the browser may not read
  'empty', // a list of no days
  'malformed', // a row that is not a row
  'nan', // a close that is not a number
  'zero',
  'negative',
  'out-of-order',
  'future', // a day after today
  'truncated', // the body cut in the middle
] as const;
export type ExchangeFault = (typeof FAULTS)[number];

export interface ExchangeServer {
  kind: ExchangeKind;
  url: string;
  /** Every request: method, path and query, in order. */
  requests: Array<{ method: string; url: URL }>;
  fault: ExchangeFault | null;
  /** The newest day served (YYYY-MM-DD); null: up to today. */
  newest: string | null;
  close(): Promise<void>;
}

const CORS = { 'Access-Control-Allow-Origin': '*' };
const tomorrowSeconds = () => (Math.floor(Date.now() / 86_400_000) + 1) * 86_400;

/** The rows of an answer, whichever exchange: Coinbase's body, Kraken's result.XXBTZUSD. */
function rowsOf(kind: ExchangeKind, body: unknown): unknown[][] {
  return kind === 'coinbase' ? (body as unknown[][]) : (body as { result: { XXBTZUSD: unknown[][] } }).result.XXBTZUSD;
}

function spoil(kind: ExchangeKind, fault: ExchangeFault, answer: Answer): Answer {
  const body = structuredClone(answer.body);
  const rows = rowsOf(kind, body);
  const close = 4; // the close's column in both formats
  const middle = Math.floor(rows.length / 2);
  switch (fault) {
    case 'empty':
      rows.length = 0;
      break;
    case 'malformed':
      if (rows.length > 0) rows[middle] = [rows[middle][0], 'x'];
      break;
    case 'nan':
      if (rows.length > 0) rows[middle][close] = kind === 'coinbase' ? null : 'NaN';
      break;
    case 'zero':
      if (rows.length > 0) rows[middle][close] = kind === 'coinbase' ? 0 : '0.0';
      break;
    case 'negative':
      if (rows.length > 0) rows[middle][close] = kind === 'coinbase' ? -64_000 : '-64000.0';
      break;
    case 'out-of-order':
      rows.reverse();
      break;
    case 'future': {
      const row = [tomorrowSeconds(), 1, 2, 3, kind === 'coinbase' ? 65_000 : '65000.0', 5, 6, 7];
      if (kind === 'coinbase') rows.unshift(row);
      else rows.push(row);
      break;
    }
    default:
      break;
  }
  return { status: answer.status, body };
}

export function startExchangeServer(kind: ExchangeKind): Promise<ExchangeServer> {
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    state.requests.push({ method: req.method ?? 'GET', url });
    const fault = state.fault;
    if (fault === '429-without-cors')
      return void res.writeHead(429, { 'Content-Type': 'application/json' }).end('{"message":"Rate limit exceeded"}');
    if (fault === 'down')
      return void res.writeHead(503, { 'Content-Type': 'application/json', ...CORS }).end('{"message":"Service Unavailable"}');
    const exchange = { now: new Date(), newest: state.newest ?? undefined };
    let answer = kind === 'coinbase' ? coinbaseAnswer(url, exchange) : krakenAnswer(url, exchange);
    if (fault && answer.status === 200) answer = spoil(kind, fault, answer);
    let text = JSON.stringify(answer.body);
    if (fault === 'truncated') text = text.slice(0, Math.floor(text.length / 2));
    res.writeHead(answer.status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...(fault === 'no-cors' ? {} : CORS) });
    res.end(text);
  };
  const server = createServer(handle);
  const state: ExchangeServer = {
    kind,
    url: '',
    requests: [],
    fault: null,
    newest: null,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      state.url = `http://localhost:${(server.address() as { port: number }).port}`;
      resolve(state);
    });
  });
}
