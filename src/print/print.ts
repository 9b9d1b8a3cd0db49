import { truncateAtWord } from '../format/text.ts';

/**
 * A CSS string literal (with its quotes) holding `value` exactly, safe inside a <style> element:
 * backslash and double quote are escaped, control characters (newlines included) and `<`/`>` become
 * hex escapes (`\a `, `\3c `), so no article text can end the string, the rule or the style element.
 * @example cssString('He said "no"\n</style>') //=> '"He said \\"no\\"\\a \\3c /style\\3e "'
 */
export function cssString(value: string): string {
  const escaped = value.replace(/[\0-\x1f\x7f"\\<>]/g, (ch) =>
    ch === '"' || ch === '\\' ? `\\${ch}` : ch === '\0' ? '\\fffd ' : `\\${ch.charCodeAt(0).toString(16)} `,
  );
  return `"${escaped}"`;
}

/**
 * The headline shortened for a running header: whitespace collapsed, cut at a word boundary with "…".
 * @example shortHeadline('Iran Stands Alone In Major Blow', 20) //=> 'Iran Stands Alone…'
 */
export function shortHeadline(title: string, max = 60): string {
  return truncateAtWord(title, max);
}

/** The per-article print rule: the running header (site name and headline) in the top margin boxes. */
export function runningHeaderCss(siteName: string, title: string): string {
  return `@media print{@page{@top-left{content:${cssString(siteName)}}@top-right{content:${cssString(shortHeadline(title))}}}}`;
}
