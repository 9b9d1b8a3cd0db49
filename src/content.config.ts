import { defineCollection } from 'astro:content';
import { articleLoader } from './content/loader';
import { articleSchema } from './content/schema';

/** One collection: content/articles/<slug>.md, validated by the one article schema. */
export const collections = {
  articles: defineCollection({ loader: articleLoader(), schema: articleSchema }),
};
