import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUTHORS, articleLoader, loadContentFiles, SITE_PAGES, type FolderKind } from './content/loader';
import { collectionSchema } from './content/schema';
import { sitePageSchema } from './content/site-pages';
import { authorSchema } from './content/authors';
import { SITE } from './site';

/**
 * Astro's glob loader for a folder of site pages or authors, after the check `npm run check` runs too
 * (loadContentFiles): a bad file stops the build with the same lines, naming the file and the field. Astro's glob
 * loader renders with the same markdown.processor (astro.config.mjs): same pipeline and sanitizer. An empty or
 * missing folder gives no pages, not a failed build.
 */
function checkedFolder(kind: FolderKind): Loader {
  const files = glob({ pattern: '*.md', base: kind.dir });
  return {
    name: `${kind.noun.replace(' ', '-')}-loader`,
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const check = () => loadContentFiles(root, kind, (message) => context.logger.info(message));
      await check();
      // A body's furniture words (paragraph links, footnotes) are in the site's language (src/markdown/body-words.ts):
      // an entry stored under another SITE_LANG is rendered again, as Astro's glob loader digests the file alone.
      await files.load({ ...context, generateDigest: (data) => context.generateDigest(typeof data === 'string' ? `${SITE.lang}\0${data}` : { ...data, siteLang: SITE.lang }) });
      // In `astro dev`, Astro's glob loader takes each change; the check runs again and says what is wrong.
      const folder = resolve(root, kind.dir);
      context.watcher?.on('all', (_event, path) => {
        if (resolve(path).startsWith(folder + sep)) check().catch((error: Error) => context.logger.error(error.message));
      });
    },
  };
}

/**
 * content/articles/<slug>.md (or <slug>/index.md with its photographs), validated by the one article schema;
 * content/pages/<slug>.md, the site's own pages; content/authors/<slug>.md, the authors bylines link to.
 */
export const collections = {
  articles: defineCollection({ loader: articleLoader(), schema: collectionSchema }),
  pages: defineCollection({ loader: checkedFolder(SITE_PAGES), schema: sitePageSchema }),
  authors: defineCollection({ loader: checkedFolder(AUTHORS), schema: authorSchema }),
};
