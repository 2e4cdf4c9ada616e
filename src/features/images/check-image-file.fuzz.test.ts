import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { it } from 'vitest';
import { FUZZ_TIMEOUT_MS, fuzz, outcome } from '../../testing/fuzz.ts';
import { imageHeaders } from '../../testing/image-headers.ts';
import { mutatedBytes } from '../../testing/mutations.ts';
import { expectPlainError } from '../../testing/plain-error.ts';
import { checkImageFile } from './check-image-file.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../models/images/fixtures/${name}`, import.meta.url)));
const svg = new TextEncoder().encode('\uFEFF<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
const VALID = [...imageHeaders(), fixture('jpeg-photo-like.jpg'), fixture('palette-p.png'), svg];
const TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml', '', 'text/plain', 'application/octet-stream'];

it(
  'passes or refuses, in plain words, any damaged picture under any declared type',
  () => {
    const bytes = fc.oneof({ weight: 6, arbitrary: mutatedBytes(VALID) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) });
    fuzz('checkImageFile', fc.tuple(bytes, fc.constantFrom(...TYPES)), 4000, ([data, type]) => {
      const result = outcome(() => checkImageFile('photo.jpg', type, data));
      if (!result.ok) expectPlainError(result.error, '', ['ImageInputError']);
    });
  },
  FUZZ_TIMEOUT_MS,
);
