import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Finds Debian's Chromium (or CHROMIUM_PATH). When missing and running as root with apt-get,
 * installs the `chromium` package; otherwise fails with a one-line instruction. Never skips.
 */
export async function ensureChromium(): Promise<string> {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    throw new Error('Chromium not found: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.');
  }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!existsSync('/usr/bin/chromium')) throw new Error('apt-get install chromium did not provide /usr/bin/chromium.');
  return '/usr/bin/chromium';
}
