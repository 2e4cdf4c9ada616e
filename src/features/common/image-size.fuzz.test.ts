import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { it } from 'vitest';
import { FUZZ_TIMEOUT_MS, fuzz, outcome } from '../../testing/fuzz.ts';
import { imageHeaders } from '../../testing/image-headers.ts';
import { mutatedBytes } from '../../testing/mutations.ts';
import { readImageSize } from './image-size.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../models/images/fixtures/${name}`, import.meta.url)));
const VALID = [...imageHeaders(), fixture('palette-p.png'), fixture('jpeg-gray.jpg'), fixture('shapes-rgb.png')];

it(
  'reads a size or nothing from any damaged image header, and never throws',
  () => {
    const input = fc.oneof({ weight: 5, arbitrary: mutatedBytes(VALID) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) });
    fuzz('readImageSize', input, 5000, (bytes) => {
      const result = outcome(() => readImageSize(bytes));
      if (!result.ok) throw result.error;
      const size = result.value;
      if (size && !(Number.isInteger(size.width) && Number.isInteger(size.height) && size.width >= 0 && size.height >= 0)) {
        throw new Error(`not a size: ${JSON.stringify(size)}`);
      }
    });
  },
  FUZZ_TIMEOUT_MS,
);
