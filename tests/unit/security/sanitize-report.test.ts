import { describe, expect, it } from 'vitest';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { markdownConfig } from '../../../src/markdown/processor';
import { rehypeSanitizeReported } from '../../../src/security/sanitize-report';
import { sanitizeSchema } from '../../../src/security/sanitize-schema';
import { fromHtml } from 'hast-util-from-html';
import { VFile } from 'vfile';
import { vi } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const renderer = await markdownConfig.processor.createRenderer({ ...markdownConfigDefaults, ...markdownConfig } as never);

/** Runs the real pipeline on a body as if it were content/articles/x.md; returns the HTML and the warnings printed. */
async function build(markdown: string) {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    const { code } = await renderer.render(markdown, { fileURL: new URL(`file://${process.cwd()}/content/articles/x.md`) } as never);
    return { html: code, warnings: warn.mock.calls.map((c) => String(c[0])) };
  } finally {
    warn.mockRestore();
  }
}

describe('the sanitize report', () => {
  it('names the file and each thing removed, with its line', async () => {
    const { warnings } = await build('Fine.\n\n<script>alert(1)</script>\n\n<img src="a.png" alt="a" onerror="alert(2)">\n\n[x](javascript:alert(3))');
    expect(warnings).toEqual([
      'content/articles/x.md: unsafe or unsupported markup removed from the body: <script> (line 3), onerror="alert(2)" on <img> (line 5), href="javascript:alert(3)" on <a> (line 7)',
    ]);
  });

  it('says nothing when nothing was removed, even when ids were prefixed', async () => {
    const { html, warnings } = await build('<p id="intro">Hi <abbr title="x">X</abbr></p>\n\nText[^1]\n\n[^1]: Note.');
    expect(html).toContain('id="user-content-intro"');
    expect(warnings).toEqual([]);
  });

  it('gives the lines of the file when it is handed the body alone (site pages, authors), after a long frontmatter', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reader-sanitize-'));
    try {
      const frontmatter = '---\ntitle: About\ndescription: Who we are.\nroles: [masthead]\norder: 1\n---\n';
      const body = 'We publish.\n\n<script>alert(1)</script>\n';
      const path = join(dir, 'about.md');
      await writeFile(path, frontmatter + body);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      try {
        await renderer.render(body, { fileURL: pathToFileURL(path) } as never);
        expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/about\.md: unsafe or unsupported markup removed from the body: <script> \(line 9\)$/)]);
      } finally {
        warn.mockRestore();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('records the warning on the file for other tools', () => {
    const file = new VFile({ path: 'content/articles/y.md' });
    const reports: string[] = [];
    rehypeSanitizeReported(sanitizeSchema, (w) => reports.push(w))(fromHtml('<p style="color:red">x</p>', { fragment: true }), file);
    expect(reports).toEqual(['content/articles/y.md: unsafe or unsupported markup removed from the body: style="color:red" on <p> (line 1)']);
    expect(file.messages.map((m) => m.reason)).toEqual(reports);
  });
});

describe('clobbering', () => {
  it('keeps GFM footnote links working: ids prefixed once, matching their hrefs', async () => {
    const { html } = await build('Text[^1]\n\n[^1]: Note.');
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('id="user-content-fn-1"');
    expect(html).toContain('href="#user-content-fnref-1"');
    expect(html).toContain('id="user-content-fnref-1"');
  });

  it('gives headings prefixed ids, so a heading "Main" cannot become the page\'s id="main"', async () => {
    const { html } = await build('## Main\n\n## Main');
    expect(html).toContain('<h2 id="user-content-main">Main</h2>');
    expect(html).toContain('<h2 id="user-content-main-1">Main</h2>');
  });

  it('prefixes an author id that already carries the prefix only once', async () => {
    expect((await build('<p id="user-content-x" name="n">x</p>')).html).toContain('id="user-content-x"');
  });
});
