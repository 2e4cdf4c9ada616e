/** `tsx e2e/support/serve.ts [root] [port]`: the e2e tests' web server (see static-server.ts). */
import { startStaticServer } from './static-server.ts';

const [root = 'dist', port = '4173'] = process.argv.slice(2);
const server = await startStaticServer({ root, port: Number(port) });
console.log(`serving ${root} at ${server.url}`);
