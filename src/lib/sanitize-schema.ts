import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/**
 * What an article body may contain: rehype-sanitize's GitHub-like default, plus a few elements news
 * copy uses (abbreviations, figures, citations, marks, times). Everything else — scripts, event
 * handlers, javascript:/data: links, frames, forms, styles — is removed. ids and names are prefixed
 * with `user-content-` so the body cannot clobber the page's own ids.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // Removed with their content (the default unwraps unknown elements, which would leave CSS, or an iframe's
  // raw-text fallback such as `<img onerror=…>`, as visible text).
  strip: [...(defaultSchema.strip ?? []), 'style', 'iframe', 'template', 'noscript', 'textarea', 'title', 'xmp', 'noembed', 'noframes'],
  tagNames: [...(defaultSchema.tagNames ?? []), 'abbr', 'figure', 'figcaption', 'cite', 'mark', 'small', 'dfn', 'time', 'caption'],
  attributes: {
    ...defaultSchema.attributes,
    abbr: ['title'],
    dfn: ['title'],
    time: ['dateTime'],
  },
};
