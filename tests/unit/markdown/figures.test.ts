import { describe, expect, it } from 'vitest';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { markdownConfig } from '../../../src/markdown/processor';
import { addressKind } from '../../../src/markdown/figures';

// The site's own Markdown processor, as Astro runs it: what a body's photographs become.
const renderer = await markdownConfig.processor.createRenderer({ ...markdownConfigDefaults, ...markdownConfig } as never);
const render = async (markdown: string) => {
  const { code, metadata } = await renderer.render(markdown, { fileURL: new URL('file:///site/content/articles/a/index.md') } as never);
  return { html: code.replace(/ id="p-[^"]+"|<a href="#p-[^"]+" class="pl"[^>]*><\/a>/g, ''), photos: (metadata.frontmatter as { photos?: string[] }).photos };
};

describe('body photographs', () => {
  it('turn an image alone in its paragraph into a figure, the title giving caption and credit', async () => {
    const { html, photos } = await render('Text.\n\n![Cranes at dawn](./lead.jpg "The quay on Tuesday. — Dana Levi / Reuters")\n\nMore.');
    expect(html).toContain('<figure class="photo"><img data-photo="0" alt="Cranes at dawn"><figcaption>The quay on Tuesday. <span class="photo-credit">Dana Levi / Reuters</span></figcaption></figure>');
    expect(photos).toEqual(['./lead.jpg']);
  });

  it('make a caption alone from a title without a credit, and no figcaption without a title', async () => {
    expect((await render('![A](./a.jpg "Only a caption")')).html).toContain('<figcaption>Only a caption</figcaption>');
    expect((await render('![A](./a.jpg)')).html).toBe('<figure class="photo"><img data-photo="0" alt="A"></figure>');
  });

  it('number photographs in order, one slot per file even when it is shown twice, HTML figures included', async () => {
    const { html, photos } = await render('![A](./a.jpg)\n\n<figure><img src="./b.png" alt="B"><figcaption>Bee</figcaption></figure>\n\nSee ![A again](./a.jpg) inline, and ![C](https://images.example.org/c.jpg).');
    expect(photos).toEqual(['./a.jpg', './b.png', 'https://images.example.org/c.jpg']);
    expect(html).toContain('<figure class="photo"><img data-photo="1" alt="B"><figcaption>Bee</figcaption></figure>');
    // Inline images stay inline (a figure cannot sit in a paragraph), still optimized.
    expect(html).toContain('<p>See <img data-photo="0" alt="A again"> inline, and <img data-photo="2" alt="C">.</p>');
  });

  it('leave site files, fragments and other schemes alone, and record nothing for a body without photographs', async () => {
    const { html, photos } = await render('![Logo](/favicon.svg) ![x](javascript:alert(1))');
    expect(html).toContain('<img src="/favicon.svg" alt="Logo">');
    expect(html).not.toContain('data-photo');
    expect(photos).toBeUndefined();
  });
});

describe('addressKind', () => {
  it.each([
    ['./lead.jpg', 'file'], ['lead.jpg', 'file'], ['photos/a b.jpg', 'file'], ['../x.jpg', 'file'], ['a.jpg?x=1:2', 'file'],
    ['https://images.example.org/a.jpg', 'remote'], ['HTTP://a.example/x.png', 'remote'],
    ['', 'other'], ['#top', 'other'], ['/favicon.svg', 'other'], ['javascript:alert(1)', 'other'], ['data:image/png;base64,xx', 'other'], ['jav\tascript:x', 'other'],
  ] as const)('%j is %s', (src, kind) => {
    expect(addressKind(src)).toBe(kind);
  });
});
