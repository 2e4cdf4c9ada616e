import { describe, expect, it } from 'vitest';
import { formatSequence, removeSpaces } from './format-sequence.ts';

// Expected values were produced by the original app’s three re.sub calls in CPython 3.11.
describe('formatSequence (the original app’s format_sequence)', () => {
  it('puts a space before . , ; ? that follow a letter, but not after them', () => {
    expect(formatSequence('The lamp glows.It hums, softly; does it? Yes.')).toBe('The lamp glows .It hums , softly ; does it ? Yes .');
  });

  it('leaves punctuation after a digit alone, so numbers keep their decimal point', () => {
    expect(formatSequence('A gain of 3.5 and 10, then 7; or 2? Stop.')).toBe('A gain of 3.5 and 10, then 7; or 2? Stop .');
  });

  it('leaves punctuation that already follows a space, or starts the text', () => {
    expect(formatSequence('The word , stays and so does this . one')).toBe('The word , stays and so does this . one');
    expect(formatSequence('.start')).toBe('.start');
  });

  it('judges each mark by the original character before it', () => {
    expect(formatSequence('Wait..')).toBe('Wait . .');
    expect(formatSequence('Why?!')).toBe('Why ?!');
  });

  it('removes figure references such as (12), after spacing the punctuation', () => {
    expect(formatSequence('A sensor (12) feeds a lens (14).')).toBe('A sensor feeds a lens .');
  });

  it('removes only parenthesised whole numbers', () => {
    expect(formatSequence('(1.5) and (a1) and ( 12 ) and ((12))')).toBe('(1.5) and (a1) and ( 12 ) and ()');
    expect(formatSequence('see (\u0661\u0662) here')).toBe('see here'); // Python's \d: any decimal digit
  });

  it('replaces whitespace pairs in one non-overlapping pass, not until none are left', () => {
    expect(formatSequence('a   b')).toBe('a  b');
    expect(formatSequence('a    b')).toBe('a  b');
    expect(formatSequence('a     b')).toBe('a   b');
    expect(formatSequence('end\n\nnext\t\tmore')).toBe('end next more');
  });

  it("uses Python's whitespace, not JavaScript's", () => {
    // U+00A0 and U+001C are whitespace in Python; U+FEFF is whitespace only in JavaScript.
    expect(formatSequence('x\u00a0. y\ufeff. z\x1c\x1cw')).toBe('x\u00a0. y\ufeff . z w');
  });
});

describe('removeSpaces (the original app’s remove_spaces)', () => {
  it('removes the whitespace before . , ; ?', () => {
    expect(removeSpaces('a , b . c ; d ? e')).toBe('a, b. c; d? e');
    expect(removeSpaces('a  .')).toBe('a.');
    expect(removeSpaces('a\n.')).toBe('a.');
    expect(removeSpaces('x\u00a0,')).toBe('x,');
    expect(removeSpaces('keep,this .and')).toBe('keep,this.and');
  });

  it('undoes formatSequence on clean text', () => {
    const text = 'The relay opens, the coil cools; is it safe? Yes.';
    expect(removeSpaces(formatSequence(text))).toBe(text);
  });
});
