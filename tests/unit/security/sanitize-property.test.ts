import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import { markdownConfig } from '../../../src/markdown/processor';
import { isDangerousUrl, URL_ATTRIBUTES } from '../../helpers/site-files';

// The very processor astro.config.mjs installs, run through Astro's own renderer.
const renderer = await markdownConfig.processor.createRenderer({ ...markdownConfigDefaults, ...markdownConfig } as never);
const render = async (markdown: string) => (await renderer.render(markdown)).code;
// The pipeline warns about every removal; hundreds of generated cases would flood the log.
beforeAll(() => void vi.spyOn(console, 'warn').mockImplementation(() => {}));
afterAll(() => vi.restoreAllMocks());

const FORBIDDEN_ELEMENTS = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'base', 'meta', 'link', 'svg', 'math', 'template', 'noscript', 'textarea', 'select', 'button', 'isindex', 'bgsound']);

/** Everything executable or page-altering left in the rendered HTML, as the browser would parse it. */
function executableVectors(html: string): string[] {
  const found: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node: Element) => {
    if (FORBIDDEN_ELEMENTS.has(node.tagName)) found.push(`<${node.tagName}>`);
    if (node.tagName === 'input' && !(node.properties.type === 'checkbox' && node.properties.disabled)) found.push('<input>');
    for (const [name, value] of Object.entries(node.properties)) {
      const attribute = name.toLowerCase();
      if (attribute.startsWith('on') || attribute === 'style' || attribute === 'srcset' || attribute === 'formaction') found.push(`${name}=`);
      if ((URL_ATTRIBUTES.includes(attribute) || attribute === 'xlinkhref') && isDangerousUrl(String(value))) found.push(`${name}=${String(value)}`);
    }
  });
  return found;
}

// --- generators of hostile fragments ---------------------------------------------------------------
const scheme = fc.constantFrom('javascript:', 'JaVaScRiPt:', 'vbscript:', 'data:text/html,', 'data:image/svg+xml,', ' javascript:', 'java\tscript:', 'java&#x09;script:', '&#106;avascript:', '&#x6A;&#x61;vascript:', 'javascript&colon;', '\u0001javascript:');
const payload = fc.constantFrom('alert(1)', "fetch('/xssmark')", '<script>alert(1)</script>', "location='//x'", '');
const url = fc.tuple(scheme, payload).map(([s, p]) => s + p);
const tag = fc.constantFrom('a', 'img', 'p', 'div', 'span', 'svg', 'math', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'video', 'audio', 'source', 'details', 'body', 'base', 'meta', 'link', 'style', 'script', 'table', 'td', 'abbr', 'figure', 'time', 'select', 'textarea', 'template', 'noscript', 'marquee', 'isindex', 'image', 'use', 'animate', 'set', 'frameset');
const event = fc.constantFrom('onerror', 'onload', 'onclick', 'onmouseover', 'onfocus', 'ontoggle', 'onbegin', 'onanimationstart', 'OnErRoR', 'onpointerenter');
const quote = fc.constantFrom('"', "'", '');
const attribute = fc.oneof(
  fc.tuple(event, quote, payload).map(([e, q, p]) => `${e}=${q}${p.replaceAll(q || ' ', '')}${q}`),
  fc.tuple(fc.constantFrom('href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background', 'srcset', 'cite', 'longdesc'), url).map(([a, u]) => `${a}="${u.replaceAll('"', '')}"`),
  fc.constantFrom('style="background:url(/xssmark)"', 'style="x:expression(alert(1))"', 'autofocus', 'id="main"', 'name="getElementById"', 'http-equiv="refresh" content="0;url=javascript:alert(1)"', 'rel="stylesheet" href="/x.css"', 'type="module"'),
);
const element = fc.tuple(tag, fc.array(attribute, { maxLength: 3 }), fc.boolean()).map(([t, attrs, close]) => `<${t} ${attrs.join(' ')}>${close ? `x</${t}>` : ''}`);
// Closed elements only: an unclosed <template>, <textarea> or <script> swallows what follows, in a browser too.
const closedElement = fc.tuple(tag, fc.array(attribute, { maxLength: 3 })).map(([t, attrs]) => `<${t} ${attrs.join(' ')}>x</${t}>`);
const markdownLink = fc.tuple(fc.constantFrom('[a](', '![a](', '<', '[a]: '), url).map(([open, u]) => (open === '<' ? `<${u.replace(/[\s<>]/g, '')}>` : open === '[a]: ' ? `[a]\n\n[a]: ${u.replace(/\s/g, '')}` : `${open}${u.replace(/[\s()]/g, '')})`));
const mutation = fc.constantFrom(
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<![CDATA[<script>alert(1)</script>]]>',
);
const hostile = fc.array(fc.oneof(element, markdownLink, mutation, fc.constantFrom('text', '\n\n', ' ', '*em*', '> ')), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));

// --- generators of plain text -----------------------------------------------------------------------
const word = fc.stringMatching(/^[A-Za-z][a-z0-9]{0,9}$/);
const sentence = fc.array(fc.tuple(word, fc.constantFrom(' ', ', ', '; ', ': ')), { minLength: 1, maxLength: 12 })
  .map((parts) => `${parts.map(([w, s]) => w + s).join('').replace(/[\s,;:]+$/, '')}.`);

describe('the Markdown pipeline, property-based (fast-check)', () => {
  it('never outputs an executable vector, whatever hostile HTML or Markdown goes in', async () => {
    await fc.assert(fc.asyncProperty(hostile, async (input) => {
      expect(executableVectors(await render(input))).toEqual([]);
    }), { numRuns: 400 });
  });

  it('keeps plain text exactly', async () => {
    await fc.assert(fc.asyncProperty(fc.array(sentence, { minLength: 1, maxLength: 4 }), async (paragraphs) => {
      const html = await render(paragraphs.join('\n\n'));
      expect(toString(fromHtml(html, { fragment: true })).split('\n').filter(Boolean)).toEqual(paragraphs);
    }), { numRuns: 200 });
  });

  it('keeps the plain text around hostile markup', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(sentence, closedElement), { minLength: 1, maxLength: 4 }), async (pairs) => {
      const html = await render(pairs.map(([text, el]) => `${text}\n\n${el}`).join('\n\n'));
      const out = toString(fromHtml(html, { fragment: true }));
      let from = 0;
      for (const [text] of pairs) {
        const at = out.indexOf(text, from);
        expect(at, `"${text}" in ${JSON.stringify(out)}`).toBeGreaterThanOrEqual(0);
        from = at + text.length;
      }
    }), { numRuns: 200 });
  });

  it('would notice a vector (the checker is not blind)', () => {
    expect(executableVectors('<p><img src=x onerror=alert(1)><a href=" java&#x09;script:x">a</a><svg></svg></p>')).toEqual(['onError=', 'href= java\tscript:x', '<svg>']);
  });
});
