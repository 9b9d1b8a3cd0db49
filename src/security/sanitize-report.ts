import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { sanitize, type Schema } from 'hast-util-sanitize';
import Slugger from 'github-slugger';
import { find, html } from 'property-information';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** Each element, and each attribute per element name: the values seen and the body line of each. */
type Inventory = Map<string, { value: string; line?: number }[]>;

/** Shortened, with control characters made visible, so one warning stays one readable line. */
const short = (value: string) => {
  const shown = JSON.stringify(value).slice(1, -1).replaceAll('\\"', '"');
  return shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
};
const valueText = (value: unknown) => (Array.isArray(value) ? value.join(' ') : String(value));

function inventory(tree: Root, prefix: string): Inventory {
  const seen: Inventory = new Map();
  const note = (key: string, value: string, node: Element) => {
    const list = seen.get(key) ?? seen.set(key, []).get(key)!;
    list.push({ value, line: node.position?.start.line });
  };
  visit(tree, 'element', (node: Element) => {
    note(`<${node.tagName}>`, '', node);
    for (const [property, value] of Object.entries(node.properties)) {
      // A prefixed id or name is the same attribute, kept.
      note(`${find(html, property).attribute} on <${node.tagName}>`, valueText(value).replaceAll(prefix, ''), node);
    }
  });
  return seen;
}

/**
 * What the sanitizer took out, as the author wrote it: each element missing from `after`, and each attribute
 * value missing from `after` (ids and names that were only prefixed count as kept), with its line: the body's, plus
 * `lineShift` (the lines before the body in its file).
 * Attributes of elements removed altogether are not listed again.
 */
export function removedMarkup(before: Root, after: Root, prefix = 'user-content-', lineShift = 0): string[] {
  const kept = inventory(after, prefix);
  const removed: string[] = [];
  for (const [key, occurrences] of inventory(before, prefix)) {
    const left = [...(kept.get(key) ?? [])];
    const isElement = key.startsWith('<');
    if (!isElement && !kept.has(key.slice(key.indexOf(' on ') + 4))) continue;
    for (const { value, line } of occurrences) {
      const index = left.findIndex((k) => k.value === value);
      if (index >= 0) {
        left.splice(index, 1);
        continue;
      }
      const at = line ? ` (line ${line + lineShift})` : '';
      removed.push(isElement ? `${key}${at}` : `${key.replace(' on ', `="${short(value)}" on `)}${at}`);
      if (isElement) break; // one mention per element name is enough
    }
  }
  return removed;
}

/**
 * How many lines of the file come before the text the pipeline read (`file.value`): its frontmatter, when a loader
 * hands over the body alone (Astro's glob loader for site pages and authors). 0 when the lines are already the file's
 * (the articles loader keeps them so), or when the file cannot be read or does not end with that text.
 */
export function linesBeforeBody(file: VFile): number {
  const source = String(file.value ?? '');
  const text = source.trim();
  if (!file.path || !text) return 0;
  let contents: string;
  try {
    contents = readFileSync(file.path, 'utf8').replaceAll('\r\n', '\n');
  } catch {
    return 0;
  }
  const at = contents.lastIndexOf(text.replaceAll('\r\n', '\n'));
  if (at < 0) return 0;
  const lineInSource = source.slice(0, source.indexOf(text)).split('\n').length;
  return contents.slice(0, at).split('\n').length - lineInSource;
}

/** One warning line naming the article file and what was removed from it. */
export function sanitizeWarning(file: VFile, removed: string[]): string {
  const path = file.path ? relative(file.cwd, file.path) : '';
  const name = !file.path ? 'an article body' : path.startsWith('..') ? file.path : path;
  return `${name}: unsafe or unsupported markup removed from the body: ${removed.join(', ')}`;
}

/**
 * rehype-sanitize with a report: sanitizes the tree with `schema` (hast-util-sanitize, exactly what
 * rehype-sanitize runs) and warns the author, naming the file, when anything was removed. The warning
 * goes to the VFile's messages and to `report` (the build log by default).
 * Two clobbering fixes around it: ids already carrying the prefix (GFM footnotes) are not prefixed twice,
 * which would break their links; headings get prefixed ids here, before Astro would give them bare ones
 * (a heading "Main" must not become a second id="main").
 */
export function rehypeSanitizeReported(schema: Schema, report: (warning: string) => void = (warning) => console.warn(warning)) {
  const prefix = schema.clobberPrefix ?? '';
  const clobber = new Set(schema.clobber ?? []);
  return (tree: Root, file: VFile): Root => {
    if (prefix) {
      visit(tree, 'element', (node: Element) => {
        for (const property of clobber) {
          const value = node.properties[property];
          if (typeof value === 'string' && value.startsWith(prefix)) node.properties[property] = value.slice(prefix.length);
          if (Array.isArray(value)) node.properties[property] = value.map((v) => String(v).replace(new RegExp(`^${prefix}`), ''));
        }
      });
    }
    const clean = sanitize(tree, schema) as Root;
    const found = removedMarkup(tree, clean, prefix);
    // Lines of the file, not of the body (the file is read only when something was removed).
    const removed = found.length ? removedMarkup(tree, clean, prefix, linesBeforeBody(file)) : found;
    if (removed.length > 0) {
      const warning = sanitizeWarning(file, removed);
      file.message(warning, { ruleId: 'sanitize', source: 'rehype-sanitize-report' });
      report(warning);
    }
    if (prefix) {
      const slugger = new Slugger();
      visit(clean, 'element', (node: Element) => {
        if (/^h[1-6]$/.test(node.tagName) && typeof node.properties.id !== 'string') {
          node.properties.id = `${prefix}${slugger.slug(toString(node))}`;
        }
      });
    }
    return clean;
  };
}
