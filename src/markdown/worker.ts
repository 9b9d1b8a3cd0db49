// One Markdown worker thread (see src/markdown/pool.ts). Runs in plain Node with type stripping, so every
// module it loads imports the next with its .ts extension.
import { workerData } from 'node:worker_threads';
import { markdownOptions } from './processor.ts';
import { serveRenders } from './pool.ts';

await serveRenders(markdownOptions, workerData);
