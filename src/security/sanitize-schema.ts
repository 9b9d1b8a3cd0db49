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
  // The default allows srcset on <source> but checks no protocol there: treat it like src.
  protocols: { ...defaultSchema.protocols, srcSet: ['http', 'https'] },
  attributes: {
    ...defaultSchema.attributes,
    // The default allows `action` on every element and checks no protocol on it; with <form> gone it can
    // do nothing but carry a javascript: URL into the page, so it goes.
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((name) => name !== 'action'),
    abbr: ['title'],
    dfn: ['title'],
    time: ['dateTime'],
  },
};
