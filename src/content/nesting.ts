/**
 * How deep an article body nests, read from its source before anything renders it: the Markdown and HTML tools of
 * the pipeline recurse once per level, so thousands of nested quotes, lists or elements overflowed the stack (in
 * the feeds) and nested lists rendered in quadratic time. Above MAX_NESTING the article is refused, naming the line.
 */

/** The deepest nesting a body may have: quotes within quotes, lists within lists, HTML elements within elements. */
export const MAX_NESTING = 100;

/** HTML elements that never hold others (no end tag), or whose end tag is often left out (closed by the next one). */
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rp', 'rt',
]);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*?(\/?)>/g;
const QUOTES = /^(?:[ \t]*>)+/;

/**
 * The deepest level a body reaches and the line (1-based, of the body) where it does. A line's level is its quote
 * markers (`> > >`), plus its indentation in list steps (two columns; a tab is four), plus the HTML elements open
 * around it: an upper bound of what the parser will build, which is what matters for the limit.
 */
export function deepestNesting(body: string): { depth: number; line: number } {
  let deepest = { depth: 0, line: 0 };
  let open = 0;
  body.split('\n').forEach((text, index) => {
    const markers = QUOTES.exec(text)?.[0] ?? '';
    const quotes = (markers.match(/>/g) ?? []).length;
    const rest = text.slice(markers.length);
    const indent = /^[ \t]*/.exec(rest)![0].replaceAll('\t', '    ').length;
    let lineOpen = open;
    for (const [, closing, name, selfClosing] of rest.matchAll(TAG)) {
      if (selfClosing || NOT_NESTING.has(name!.toLowerCase())) continue;
      open = Math.max(0, open + (closing ? -1 : 1));
      lineOpen = Math.max(lineOpen, open);
    }
    const depth = quotes + Math.floor(indent / 2) + lineOpen;
    if (depth > deepest.depth) deepest = { depth, line: index + 1 };
  });
  return deepest;
}
