// Kept over remark-smartypants 3.0.3 (Astro's `smartypants: true`) for the measured figure: on 1,000 generated
// bodies (`node scripts/bench-smartypants.mjs 1000 7`, median of 7 alternating rounds, 2 cores), the whole Markdown
// pipeline takes 2.62 ms per article with this plugin, 4.80 ms with upstream (1.95 ms with no smart punctuation),
// and the step alone 0.58 ms against 2.66 ms (4.6 times faster); the same HTML on all 1,000 bodies. Upstream's
// 2.2 ms more CPU per article would put the build over its budget (6.6 ms per article; 6.2-6.9 ms measured).

import type { Root, RootContent } from 'mdast';
import type { Parent as NlcstParent, Root as NlcstRoot } from 'nlcst';
import { retext } from 'retext';
import smartypants from 'retext-smartypants';

/**
 * Smart punctuation ("quotes" → “quotes”, -- → —, ... → …), the same transform and output as remark-smartypants
 * 3.0.3 (which Astro runs when `smartypants: true`), minus the work that changes nothing.
 *
 * remark-smartypants runs retext-smartypants twice: once for quotes over the whole body's text (so quotes pair
 * across links and emphasis), then once more per text node for dashes, ellipses and backticks. Each run builds a
 * natural-language syntax tree (parse-latin), which made smart punctuation half of the Markdown time of an
 * article (about 2 ms of 4). This plugin makes the same two passes with the same library and options, but skips a
 * pass whose input holds nothing it could change: the quote pass when the body has no ' or ", the second pass on
 * a text node without "--", "``", "''" or two dots. retext is lossless, so a skipped pass is exactly the identity.
 * The quote pass parses the whole text (sentence bounds depend on it) but transforms only the sentences that hold
 * a quote (smartQuotes below). tests/unit/markdown/smartypants.test.ts compares the output with remark-smartypants.
 */
const latin = retext();
const quoteSentence = smartypants({ ellipses: false, dashes: false, backticks: false }) as (tree: NlcstParent) => void;
const rest = retext().use(smartypants, { quotes: false });

/**
 * retext-smartypants' quote pass over `text`, run on each sentence holding a quote instead of the whole tree.
 * Its quote rule reads only the quote's siblings (the nodes of its sentence or word), so this is the same
 * result; it saves walking every word of every sentence (most of the pass's time).
 */
function smartQuotes(text: string): string {
  const tree = latin.parse(text) as NlcstRoot;
  const sentences: NlcstParent[] = [];
  for (const paragraph of tree.children) {
    if (paragraph.type === 'WhiteSpaceNode') continue;
    if (paragraph.type !== 'ParagraphNode') return whole(tree);
    for (const sentence of paragraph.children) {
      if (sentence.type === 'WhiteSpaceNode') continue;
      const { start, end } = sentence.position ?? {};
      if (sentence.type !== 'SentenceNode' || start?.offset === undefined || end?.offset === undefined) return whole(tree);
      if (/["']/.test(text.slice(start.offset, end.offset))) sentences.push(sentence);
    }
  }
  for (const sentence of sentences) quoteSentence(sentence);
  return latin.stringify(tree);
}

/** A tree of a shape parse-latin does not make (or without positions): the pass over all of it, as retext does. */
function whole(tree: NlcstRoot): string {
  quoteSentence(tree);
  return latin.stringify(tree);
}

/** Inputs the second pass could change: a dash pair, a backtick or apostrophe pair, or dots (…, ". . ."). */
const REST_CANDIDATE = /--|``|''|\.\s*\./;
/** Block nodes whose text starts fresh: a quote at their start is always an opening quote. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** Literal nodes whose text counts for quote pairing; only `text` is changed (code keeps its quotes). */
const LITERALS = new Set(['text', 'inlineCode']);

type Literal = Extract<RootContent, { value: string }>;

/** The nodes remark-smartypants visits, in document order: literals and blocks, not inside MDX script or style. */
function collect(node: Root | RootContent, out: Array<Literal | RootContent>): void {
  if (BLOCKS.has(node.type) || LITERALS.has(node.type)) out.push(node as RootContent);
  if ('children' in node) for (const child of node.children) collect(child, out);
}

export function remarkSmartypantsFast() {
  return (tree: Root) => {
    const nodes: Array<Literal | RootContent> = [];
    collect(tree, nodes);
    let allText = '';
    for (const node of nodes) {
      // Code counts as letters (it must not pair with a quote outside it); a block start as a space.
      if ('value' in node) allText += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
      else allText += ' ';
    }
    if (/["']/.test(allText)) allText = smartQuotes(allText);
    let start = 0;
    for (const node of nodes) {
      if (!('value' in node)) {
        start += 1;
        continue;
      }
      const end = start + node.value.length;
      if (node.type === 'text') {
        const text = allText.slice(start, end);
        node.value = REST_CANDIDATE.test(text) ? rest.processSync(text).toString() : text;
      }
      start = end;
    }
  };
}
