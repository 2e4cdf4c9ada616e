/**
 * The original app's text clean-up, reproduced step by step with Python `re.sub` semantics:
 * `format_sequence` before tokenizing and `remove_spaces` after decoding.
 */
import { isPythonSpace, PY_DIGIT, PY_SPACE } from './python-regex.ts';

const PUNCTUATION = '.,;?';
const FIGURE_REFERENCE = new RegExp(`\\((${PY_DIGIT}+)\\)`, 'gu');
// A single left-to-right pass over non-overlapping pairs, as re.sub does: three spaces become two.
const DOUBLE_SPACE = new RegExp(`[${PY_SPACE}][${PY_SPACE}]`, 'g');
const SPACE_BEFORE_PUNCTUATION = new RegExp(`[${PY_SPACE}]+([.,;?])`, 'g');

function isAsciiDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

/**
 * Python: `re.sub(r'(?<=[^\s0-9])(?=[.,;?])', ' ', s)`. Every lookaround is evaluated on the original
 * string, so "a.." becomes "a . ." and "3.5" stays as is. Written as a loop rather than a lookbehind
 * regex, which older Safari versions cannot parse.
 */
function spaceBeforePunctuation(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const char = s[i];
    if (i > 0 && PUNCTUATION.includes(char)) {
      const before = s[i - 1];
      // A code unit check is exact: Python's whitespace and 0-9 are all in the BMP, and a lone
      // low surrogate (second half of an astral character) is neither, as the whole character isn't.
      if (!isPythonSpace(before) && !isAsciiDigit(before)) out += ' ';
    }
    out += char;
  }
  return out;
}

/**
 * The original app's `format_sequence`: a space before `. , ; ?` unless preceded by a space or a digit;
 * figure references such as "(12)" removed; pairs of whitespace characters replaced by one space.
 */
export function formatSequence(text: string): string {
  return spaceBeforePunctuation(text).replace(FIGURE_REFERENCE, '').replace(DOUBLE_SPACE, ' ');
}

/** The original app's `remove_spaces`: `re.sub(r'\s+([.,;?])', r'\1', s)`, used on decoded text. */
export function removeSpaces(text: string): string {
  return text.replace(SPACE_BEFORE_PUNCTUATION, '$1');
}
