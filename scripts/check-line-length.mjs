// npm run lint's second half: no line of source over 140 characters. Biome wraps code at 140 but
// leaves long strings and comments as they are; this catches those.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const LIMIT = 140;
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx', '*.mjs', '*.css', '*.html'], {
  encoding: 'utf8',
})
  .split('\n')
  .filter(Boolean);

let long = 0;
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // listed by git but deleted in the working tree
  }
  text.split('\n').forEach((line, i) => {
    if ([...line].length <= LIMIT) return;
    long++;
    console.log(`${file}:${i + 1}: ${[...line].length} characters (at most ${LIMIT})`);
  });
}
if (long > 0) {
  console.log(`\n${long} line(s) over ${LIMIT} characters: split the string or the comment.`);
  process.exit(1);
}
