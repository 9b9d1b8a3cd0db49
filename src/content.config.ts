import { defineCollection } from 'astro:content';
import { articleLoader } from './content/loader';
import { collectionSchema } from './content/schema';

/** One collection: content/articles/<slug>.md (or <slug>/index.md with its photographs), validated by the one article schema. */
export const collections = {
  articles: defineCollection({ loader: articleLoader(), schema: collectionSchema }),
};
