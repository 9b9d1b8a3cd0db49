import { defineCollection } from 'astro:content';
import { articleLoader } from './lib/article-loader';
import { articleSchema } from './lib/article-schema';

/** One collection: content/articles/<slug>.md, validated by the one article schema. */
export const collections = {
  articles: defineCollection({ loader: articleLoader(), schema: articleSchema }),
};
