// One Markdown worker thread of the pool in src/markdown/pool.ts: renders each body it is sent with the site's
// processor options. Runs in plain Node with type stripping, so every module it loads imports the next with its
// .ts extension.
import Tinypool from 'tinypool';
import { unified } from '@astrojs/markdown-remark';
import { markdownOptions } from './processor.ts';
import type { RenderJob, SharedSettings } from './pool.ts';

// The pool's workerData (tinypool keeps node:worker_threads' workerData for itself).
const renderer = unified(markdownOptions).createRenderer(Tinypool.workerData as SharedSettings);

export default async function render({ content, frontmatter, fileURL }: RenderJob) {
  return (await renderer).render(content, { frontmatter, fileURL: fileURL ? new URL(fileURL) : undefined });
}
