import type { LoaderContext } from 'astro/loaders';
import type { ArticleFacts } from '../markdown/article-facts.ts';

/** An article body as the pages use it: sanitized HTML and the facts the Markdown pipeline recorded. */
export interface ArticleBody extends ArticleFacts {
  html: string;
  /** The body's links, for the printed endnotes (src/markdown/link-endnotes.ts). */
  links: string[];
}

/**
 * The bodies of this build, by entry id. In a build the articles loader does not wait for the Markdown: it
 * stores each entry's data and puts the promise of its rendered body here, so Astro goes on (writing its store,
 * bundling, rendering pages) while the Markdown workers render the bodies on the other cores; a page waits
 * only for its own body. Astro runs the loader and the pages in one process; the map lives on globalThis
 * because they are separate module instances (the content config, and the bundled pages).
 */
const BODIES = Symbol.for('news-reader.article-bodies');
type Bodies = Map<string, Promise<ArticleBody>>;

/** A fresh registry for a build's sync; the loader fills it. */
export function startBodies(): Bodies {
  const bodies: Bodies = new Map();
  (globalThis as { [BODIES]?: Bodies })[BODIES] = bodies;
  return bodies;
}

/** The body of entry `id` rendered in this build, if the loader rendered it (not in `astro dev`). */
export function renderedBody(id: string): Promise<ArticleBody> | undefined {
  return (globalThis as { [BODIES]?: Bodies })[BODIES]?.get(id);
}

type Renderer = Awaited<ReturnType<LoaderContext['config']['markdown']['processor']['createRenderer']>>;

/**
 * One body through the site's Markdown processor (`renderer`, made by astro.config's markdown.processor), as the
 * pages use it. A failure names the file. The promise is awaited by the page that shows the body, not before.
 */
export function renderBody(renderer: Renderer, file: string, body: string, fileURL: URL): Promise<ArticleBody> {
  const rendered = renderer
    .render(body.trim(), { frontmatter: {}, fileURL })
    .then(({ code, metadata }) => {
      // Astro would swap such an image for an optimized copy, which needs the image imported before bundling.
      const optimized = [...metadata.localImagePaths, ...metadata.remoteImagePaths];
      if (optimized.length) throw new Error(`images are linked by https:// address, not by file path (${optimized.join(', ')})`);
      const facts = metadata.frontmatter as Partial<ArticleBody>;
      return { html: code, wordCount: facts.wordCount ?? 0, firstParagraph: facts.firstParagraph ?? '', links: facts.links ?? [] };
    })
    .catch((error: Error) => {
      throw new Error(`${file}: body: ${error.message}`);
    });
  // Not an unhandled rejection while no page has asked for it yet.
  rendered.catch(() => undefined);
  return rendered;
}
