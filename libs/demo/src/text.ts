/**
 * Helpers for the free text of the document tables, where lists are written "ILO; UNICEF (lead)"
 * and notes sit in parentheses.
 */

/** Lower case, no accents, one kind of apostrophe and dash, single spaces: the form names are matched in. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits on the separators that stand outside parentheses, trimming and dropping empty parts. */
export function splitOutsideParentheses(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.test(char)) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** The text without its parenthesised notes: "ILO (lead)" → "ILO". */
export const withoutParentheses = (text: string): string =>
  text
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** "not stated (Box 12)", "n/s", "(none)" and blanks: the tables' ways of saying the document is silent. */
export const isNotStated = (text: string): boolean =>
  /^(not stated|n\/s|\(none( named)?\)$|none$|$)/.test(normalise(text));

/** The first letter in upper case, for names and titles written in running text. */
export const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
