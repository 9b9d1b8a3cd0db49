// The build log as an editor reads it: `astro build` lists every page it writes and every image it optimizes, one
// timestamp each, and with pages rendered concurrently the list comes out interleaved ("12:00:01   ├─ /a/index.html12:00:01
// ├─ /b/index.html", then the timings alone on their lines). Thousands of such lines bury the warnings that name a
// file. This filter keeps everything else (warnings, errors, each step's own lines) and puts one count in their place.

/** An ANSI colour sequence (none when the output is not a terminal, but a forced colour setting adds them). */
const ANSI = /\x1b\[[0-9;]*m/g;

/** Where a list starts (its header line), what its entries are called, and what one entry looks like. */
const LISTS = [
  // `  ├─ /path` (written without its line end), then ` (+12ms) `, ` (cached)` or ` (restored)` on its own.
  { header: /^\s*(?:generating|prerendering) static routes\s*$/, noun: ['page or file written', 'pages and files written'], entry: /(?:\d{2}:\d{2}:\d{2} +)?[├└]─ \S+?(?=\d{2}:\d{2}:\d{2} |\s|$)/g, rest: /\((?:\+[\d.]+m?s|cached|restored)\)/g },
  // `  ▶ /_astro/photo.webp (before: 310kB, after: 42kB) (+120ms) (3/13)`, one whole line each.
  { header: /^\s*generating optimized images\s*$/, noun: ['optimized image written', 'optimized images written'], entry: /(?:\d{2}:\d{2}:\d{2} +)?▶ \S+(?: \([^)]*\))*/g, rest: /$^/g },
];

/** The end of a list: Astro's `✓ Completed in 2.72s.`, with its timestamp. */
const COMPLETED = /^(\d{2}:\d{2}:\d{2} )?\s*✓ Completed in (.+?)\.?\s*$/;

/**
 * A filter of the build's output, line by line: `push(text)` takes any chunk and returns the complete lines to show
 * (each ending in a line break), `end()` what is left. In place of each list, one line:
 * `12:00:03 [build] 1,204 pages and files written in 2.72s`.
 */
export function buildLogFilter() {
  let pending = '';
  /** The list being read: its kind and how many entries it had so far. */
  let list;
  const line = (text) => {
    const plain = text.replace(ANSI, '');
    if (!list) {
      const kind = LISTS.find((l) => l.header.test(plain));
      if (kind) {
        list = { kind, count: 0 };
        return '';
      }
      return `${text}\n`;
    }
    const completed = COMPLETED.exec(plain);
    if (completed) {
      const { kind, count } = list;
      list = undefined;
      return `${completed[1] ?? ''}[build] ${count.toLocaleString('en')} ${kind.noun[count === 1 ? 0 : 1]} in ${completed[2]}\n`;
    }
    const kept = plain.replace(list.kind.entry, () => {
      list.count++;
      return '';
    }).replace(list.kind.rest, '');
    return kept.trim() ? `${kept.trim()}\n` : '';
  };
  return {
    push(chunk) {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      return lines.map(line).join('');
    },
    end() {
      const last = pending;
      pending = '';
      return last ? line(last) : '';
    },
  };
}
