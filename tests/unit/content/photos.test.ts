import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyImages, checkPhotos, imageReferences, imageRemotePatterns, isAllowedImageUrl } from '../../../src/content/photos';
import { photo } from '../../helpers/photo-fixtures';

describe('image hosts', () => {
  const hosts = ['images.example.org', '*.agency.example', 'http://127.0.0.1:8080'];
  it('become Astro remote patterns', () => {
    expect(imageRemotePatterns(hosts)).toEqual([
      { protocol: 'https', hostname: 'images.example.org' },
      { protocol: 'https', hostname: '*.agency.example' },
      { protocol: 'http', hostname: '127.0.0.1', port: '8080' },
    ]);
  });
  it.each([
    ['https://images.example.org/a.jpg', true],
    ['http://images.example.org/a.jpg', false],
    ['https://images.example.org:8443/a.jpg', false],
    ['https://cdn.agency.example/a.jpg', true],
    ['https://agency.example.evil.test/a.jpg', false],
    ['http://127.0.0.1:8080/a.jpg', true],
    ['http://127.0.0.1:9090/a.jpg', false],
    ['https://other.example/a.jpg', false],
  ])('%s allowed: %s', (url, allowed) => {
    expect(isAllowedImageUrl(new URL(url), hosts)).toBe(allowed);
  });
});

describe('the images of a body', () => {
  it('are found in Markdown, by reference and in raw HTML, with their lines, in order', () => {
    const body = 'Text.\n\n![A](./a.jpg "Caption")\n\n<figure>\n<img src="./b.png" alt="B">\n</figure>\n\n![C][c]\n\n[c]: https://images.example.org/c.jpg\n';
    expect(bodyImages(body)).toEqual([
      { src: './a.jpg', alt: 'A', line: 3 },
      { src: './b.png', alt: 'B', line: 6 },
      { src: 'https://images.example.org/c.jpg', alt: 'C', line: 9 },
    ]);
  });
  it('are those the sanitized page keeps: none inside a <template>, but one the parser lifts out of <svg><style>', () => {
    expect(bodyImages('a\n\n<template><img src=y alt=y></template>\n\n<p>b<template><img src=z alt=z></template></p>')).toEqual([]);
    expect(bodyImages('<svg><style><img src=x onerror=alert(1)></style></svg>')).toEqual([{ src: 'x', alt: undefined, line: 1 }]);
  });
  it('count from the line of the file where the body starts, after the lead photograph', () => {
    expect(imageReferences({ image: { src: './lead.jpg', alt: 'L' } }, 'x\n\n![A](./a.jpg)', 10)).toEqual([
      { src: './lead.jpg', alt: 'L', field: 'image.src' },
      { src: './a.jpg', alt: 'A', field: 'body', line: 12 },
    ]);
  });
});

describe('checkPhotos', () => {
  it('accepts a wide JPEG beside index.md and names every other mistake by field and line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'photos-'));
    await writeFile(join(dir, 'lead.jpg'), await photo(1400, 933));
    await writeFile(join(dir, 'fake.png'), await photo(300, 200));
    const path = join(dir, 'index.md');
    expect(await checkPhotos('a/index.md', path, [{ src: './lead.jpg', alt: 'L', field: 'image.src' }])).toEqual([]);
    const issues = await checkPhotos('a/index.md', path, [
      { src: './fake.png', alt: 'F', field: 'image.src' },
      { src: './lead.jpg', alt: ' ', field: 'body', line: 7 },
      { src: './sub/x.jpg', alt: 'X', field: 'body', line: 9 },
    ]);
    expect(issues.map((i) => `${i.field}: ${i.message}`)).toEqual([
      expect.stringMatching(/^body: line 7: the image "\.\/lead\.jpg" needs alt text/),
      expect.stringMatching(/^body: line 9: "\.\/sub\/x\.jpg" leaves the article's folder/),
      expect.stringMatching(/^image\.src: "\.\/fake\.png" is named \.png but holds jpeg data/),
    ]);
    await rm(dir, { recursive: true, force: true });
  });
});
