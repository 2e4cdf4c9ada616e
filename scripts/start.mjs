// npm start: install if needed, build, and serve the production build on http://localhost:4173
// with the COOP/COEP headers that let WASM run multi-threaded (see vite.config.ts).

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (args) => {
  const { status } = spawnSync('npm', args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};

if (!existsSync('node_modules/.package-lock.json')) run(['ci']);
run(['run', 'build']);
console.log('\ntabml is running at http://localhost:4173  (Ctrl+C to stop)\n');
run(['run', 'preview']);
