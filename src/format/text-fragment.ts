/*
 * Text fragment links (https://wicg.github.io/scroll-to-text-fragment/): `#:~:text=<start>` or `#:~:text=<start>,<end>`
 * for a quote, shared by the enhancement script. Free of imports: it is bundled into that script (1.5 KB budget).
 */

/** A text directive term: percent-encoded, with the three characters the syntax uses (`-`, `&`, `,`) escaped too. */
export const encodeTextTerm = (text: string) => encodeURIComponent(text).replace(/-/g, '%2D');

/** Words at each end of a long or multi-paragraph quote: enough to find it, short enough for a link. */
const ENDS = 4;

/**
 * The text directive for a quote: the whole quote when it is short and in one paragraph, else its first and
 * last words as `start,end`. Whitespace is collapsed, as the browser collapses it when matching.
 */
export function textDirective(quote: string): string {
  const blocks = quote.split(/\n/).map((b) => b.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const whole = blocks.join(' ');
  if (blocks.length === 1 && whole.length <= 120) return `:~:text=${encodeTextTerm(whole)}`;
  const first = blocks[0]!.split(' ');
  const last = blocks[blocks.length - 1]!.split(' ');
  return `:~:text=${encodeTextTerm(first.slice(0, ENDS).join(' '))},${encodeTextTerm(last.slice(-ENDS).join(' '))}`;
}
