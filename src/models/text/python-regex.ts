/**
 * Character classes that behave like Python 3's `re` module on str patterns, so that the original app's
 * regular expressions give the same result here. JavaScript's `\s` and `\d` differ from Python's:
 * JS `\s` has U+FEFF but not U+001C–U+001F or U+0085, and JS `\d` is ASCII only.
 */

/** Python's `\s`: the characters for which str.isspace() is true (checked against CPython 3.11). */
export const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** Python's `\d`: any Unicode decimal digit (category Nd); needs the `u` flag. */
export const PY_DIGIT = '\\p{Nd}';

const SPACE_TEST = new RegExp(`^[${PY_SPACE}]$`);

/** Whether one UTF-16 code unit is whitespace for Python (all such characters are in the BMP). */
export function isPythonSpace(char: string): boolean {
  return SPACE_TEST.test(char);
}
