// One Markdown worker thread of the pool in src/markdown/pool.ts: renders each body it is sent with the site's
// processor options. Runs in plain Node with type stripping, so every module it loads imports the next with its
// .ts extension.
import { workerData } from 'node:worker_threads';
import { unified } from '@astrojs/markdown-remark';
import { markdownOptions } from './processor.ts';
import type { RenderJob, SharedSettings } from './pool.ts';

const renderer = unified(markdownOptions).createRenderer(workerData as SharedSettings);

export default async function render({ content, frontmatter, fileURL }: RenderJob) {
  return (await renderer).render(content, { frontmatter, fileURL: fileURL ? new URL(fileURL) : undefined });
}
