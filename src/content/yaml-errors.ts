import { isAlias, isMap, isScalar, visit, type Document, type Node, type YAMLError } from 'yaml';

/**
 * Plain words for the YAML mistakes editors make in frontmatter (a colon in an unquoted title, a quote never closed,
 * a tab, an indented field, …): what is wrong, on which line of the file, and what to write instead. Any other YAML
 * error keeps the parser's own words.
 */

/** The field a frontmatter line sets (`title: …` → title), and its value as written. */
function field(text: string | undefined): { key: string; value: string } | undefined {
  const m = /^\s*(?:-\s+)?([^\s:#'"][^:]*?)\s*:(?:\s+(.*))?$/.exec(text ?? '');
  return m ? { key: m[1]!, value: (m[2] ?? '').trim() } : undefined;
}

/**
 * The value in quotes YAML reads as meant: double quotes, else single, else double with \" inside. A value already
 * between two quotation marks of one kind (`'It's here'`) is what the editor meant to quote.
 */
function quoted(written: string): string {
  const value = written.length > 1 && /^(["']).*\1$/.test(written) ? written.slice(1, -1) : written;
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** What YAML reads a value's first character as, when it is * (a reference), & (an anchor) or ! (a type tag). */
const MARKUP: Record<string, string> = { '*': 'a reference to another value', '&': 'a name for the value', '!': 'a type tag' };

/** The sentence for a value that starts with one of YAML's own markers (MARKUP), if it does. */
function markupStart(key: string, value: string): string | undefined {
  const what = MARKUP[value[0] ?? ''];
  return what && `the ${key} starts with ${value[0]}, which YAML reads as ${what}: put the ${key} in quotes, e.g. ${key}: ${quoted(value)}`;
}

/** The nearest line at or above `from` (0-based) that sets a field, with its index. */
function fieldAbove(lines: string[], from: number, test: (f: { key: string; value: string }) => boolean = () => true) {
  for (let i = Math.min(from, lines.length - 1); i >= 0; i--) {
    const f = field(lines[i]);
    if (f && test(f)) return { index: i, ...f };
  }
  return undefined;
}

/**
 * One YAML error of a frontmatter block, as a line of the file (`firstLine` is the file line of the block's first
 * line) and a sentence. `lines` are the block's lines.
 */
export function yamlProblem(error: YAMLError, lines: string[], firstLine: number): { line?: number; message: string } {
  const at = error.linePos?.[0].line;
  const index = at === undefined ? undefined : at - 1;
  const lineOf = (i: number) => i + firstLine;
  const text = index === undefined ? undefined : lines[index];
  const own = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const plain = (i: number | undefined, message: string) => ({ line: i === undefined ? undefined : lineOf(i), message });
  if (index === undefined) return plain(undefined, own);
  const here = field(text);
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return plain(index, 'the line starts with a tab: YAML indents with spaces only, and a field starts at the beginning of its line; remove the tab');
    case 'DUPLICATE_KEY': {
      const first = here ? lines.findIndex((l, i) => i < index && field(l)?.key === here.key) : -1;
      return here && first >= 0
        ? plain(index, `"${here.key}" is given twice (lines ${lineOf(first)} and ${lineOf(index)}): keep one`)
        : plain(index, `a field is given twice: keep one (${own})`);
    }
    case 'BAD_SCALAR_START': {
      const character = /character (\S+)/.exec(own)?.[1] ?? here?.value[0] ?? '';
      return here
        ? plain(index, `the ${here.key} starts with ${character}, which YAML keeps for itself: put the ${here.key} in quotes, e.g. ${here.key}: ${quoted(here.value)}`)
        : plain(index, own);
    }
    case 'UNEXPECTED_TOKEN':
      if (here && markupStart(here.key, here.value)) return plain(index, markupStart(here.key, here.value)!);
      if (here && /^["']/.test(here.value)) {
        return plain(index, `the ${here.key} starts with a quotation mark, so YAML ends it at the next one and cannot read the rest: put the whole ${here.key} in quotes, e.g. ${here.key}: ${quoted(here.value)}`);
      }
      break;
    case 'MISSING_CHAR': {
      const quote = /Missing closing (["'])quote/.exec(own)?.[1];
      if (quote) {
        const opened = fieldAbove(lines, index, (f) => f.value.startsWith(quote));
        if (opened) return plain(opened.index, `the ${opened.key} opens a quotation mark (${quote}) that is never closed: end the ${opened.key} with ${quote} on the same line`);
      }
      break;
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      if (here && /:\s/.test(here.value) && !/^["'[{|>]/.test(here.value)) {
        return plain(index, `the ${here.key} contains a colon and a space, which YAML reads as the start of another field: put the ${here.key} in quotes, e.g. ${here.key}: ${quoted(here.value)}`);
      }
      // `title: Talks` then `  source: …`: the indented line continues the title, which then holds a colon.
      const next = lines[index + 1] ?? '';
      if (here && here.value && /^\s+[^\s-]/.test(next)) return plain(index + 1, 'the line is indented: start each field at the beginning of its line (YAML reads an indented line as part of the field above)');
      break;
    }
    case 'BAD_INDENT':
      if (/^Flow (sequence|map)/.test(own)) {
        const [open, close] = own.startsWith('Flow sequence') ? ['[', ']'] : ['{', '}'];
        const opened = fieldAbove(lines, index, (f) => f.value.startsWith(open));
        if (opened) return plain(opened.index, `the ${opened.key} opens ${open} that is never closed: end it with ${close} on the same line`);
      }
      break;
  }
  // A line that is not `field: value` at all: a list item without its space, or words without a colon.
  if (/^\s*-[^\s-]/.test(text ?? '')) return plain(index, `a list item needs a space after the dash: ${text!.trim().replace(/^-/, '- ')}`);
  if (!here && text?.trim() && !/^\s*-/.test(text)) return plain(index, `"${text.trim()}" is not a field: write it as field: value, with a colon and a space`);
  return plain(index, own);
}

/**
 * Plain words for a reference (`*name`) to an anchor that does not exist, which the parser reports without a line
 * when the values are read: almost always a value that starts with * and was meant as text.
 */
export function unresolvedAlias(lines: string[], firstLine: number): { line: number; message: string } | undefined {
  const index = lines.findIndex((l) => field(l)?.value.startsWith('*'));
  if (index < 0) return undefined;
  const { key, value } = field(lines[index])!;
  return { line: index + firstLine, message: markupStart(key, value)! };
}

/**
 * Values YAML silently reads as its own markup rather than as text, found in the raw lines of `keys` (and their list
 * items): `title: &x Talks` is the title "Talks" (&x names it), `title: !x Talks` the title "Talks" with an unknown
 * type tag, and `title: *x` a copy of another value. The parser accepts them without a word, so the text decides.
 */
export function markupValues(lines: string[], firstLine: number, keys: readonly string[]): { line: number; message: string }[] {
  return lines.flatMap((text, i) => {
    const f = /^\S/.test(text) ? field(text) : undefined;
    if (f && keys.includes(f.key)) {
      const said = markupStart(f.key, f.value);
      return said ? [{ line: i + firstLine, message: said }] : [];
    }
    // A list item (`  - &x one`) of a field of `keys`: the field is the nearest unindented one above.
    const item = /^\s*-\s+(.*)$/.exec(text)?.[1]?.trim() ?? '';
    const what = MARKUP[item[0] ?? ''];
    const list = what ? fieldAbove(lines, i, (g) => keys.includes(g.key) && g.value === '') : undefined;
    if (!what || !list || lines.slice(list.index + 1, i).some((l) => /^\S/.test(l))) return [];
    return [{ line: i + firstLine, message: `an item of ${list.key} starts with ${item[0]}, which YAML reads as ${what}: put the item in quotes, e.g. - ${quoted(item)}` }];
  });
}

/**
 * The same inside a list or map written on one line (`tags: [&p Ports, *p, !x Labour]`), which the lines alone do not
 * show: each anchor, reference or type tag among the parsed values of `keys`. `text` is the block the document was
 * parsed from.
 */
export function markupNodes(doc: Document, text: string, firstLine: number, keys: readonly string[]): { line: number; message: string }[] {
  if (!isMap(doc.contents)) return [];
  const found: { line: number; message: string }[] = [];
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!keys.includes(key) || !pair.value) continue;
    visit(pair.value as Node, {
      Node(_, node) {
        const tag = node.tag?.replace('tag:yaml.org,2002:', '!!');
        const mark = isAlias(node) ? `*${node.source}` : node.anchor ? `&${node.anchor}` : tag;
        if (!mark || !node.range) return;
        const example = isAlias(node) ? mark : `${mark} ${text.slice(node.range[0], node.range[1])}`;
        const line = text.slice(0, node.range[0]).split('\n').length - 1 + firstLine;
        found.push({ line, message: `a value in ${key} is marked ${mark}, which YAML reads as ${MARKUP[mark[0]!]}: put that value in quotes, e.g. ${quoted(example)}` });
      },
    });
  }
  return found;
}

/**
 * Text fields that YAML silently cut short: in an unquoted value, ` #` (or a # at its start) begins a comment, so
 * `title: Talks #2 resume` is the title "Talks" without a word of warning. One problem for each such line of `keys`.
 */
export function cutByComment(lines: string[], firstLine: number, keys: readonly string[]): { line: number; message: string }[] {
  return lines.flatMap((text, i) => {
    const f = /^\S/.test(text) ? field(text) : undefined;
    if (!f || !keys.includes(f.key) || /^["'[{|>]/.test(f.value)) return [];
    const at = /(?:^|\s)#/.exec(f.value);
    if (!at) return [];
    const kept = f.value.slice(0, at.index).trim();
    const cut = kept ? `would end at "${kept}"` : 'would be empty';
    return [{ line: i + firstLine, message: `the ${f.key} has a #, which YAML reads as the start of a comment, so the ${f.key} ${cut}: put the ${f.key} in quotes, e.g. ${f.key}: ${quoted(f.value)}` }];
  });
}
