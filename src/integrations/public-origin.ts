import type { AstroIntegration } from 'astro';
import { unsetOriginProblem, type Origin } from '../sharing/origin.ts';

/**
 * Says, on every build, when no public origin is set (the site would link to localhost), and stops a build with
 * CI set. In the integration because only `astro build` publishes: `astro dev`, `astro check` and the preview
 * server are right on localhost.
 */
export function publicOrigin(origin: Origin): AstroIntegration {
  return {
    name: 'public-origin',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const { warning, error } = unsetOriginProblem(origin, process.env.CI);
        if (warning) logger.warn(warning);
        if (error) {
          logger.error(error);
          // A thrown error would print Astro's stack trace under this one line: the line is the whole message.
          process.exit(1);
        }
      },
    },
  };
}
