/** Debian's Chromium (`apt-get install chromium`); CHROME_PATH points elsewhere if need be. */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
