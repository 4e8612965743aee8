/**
 * Which visits are a program's, not a reader's, by the User-Agent alone: crawlers that run
 * scripts (search engines render pages), link previewers, monitors, headless browsers and
 * HTTP libraries. Crawlers that run no script never send a view at all.
 */
const AUTOMATED = new RegExp(
  [
    // "Googlebot/2.1", "DuckDuckBot-Https", "PetalBot;", but not the phone maker "CUBOT P30".
    'bot[/;)-]',
    '\\bbot\\b',
    'crawl',
    'spider',
    'slurp',
    'mediapartners',
    'headless',
    'lighthouse',
    'pagespeed',
    'phantomjs',
    'puppeteer',
    'playwright',
    'selenium',
    'preview',
    'facebookexternalhit',
    'embedly',
    'monitor',
    'pingdom',
    'uptime',
    'curl/',
    'wget/',
    'python',
    'go-http-client',
    'java/',
    'okhttp',
    'node-fetch',
    'undici',
    'axios/',
    'libwww',
    'httpclient',
  ].join('|'),
  'i',
);

/** True for a request no person made: no User-Agent at all, or a known program's. */
export const isAutomatedAgent = (userAgent: string | undefined): boolean =>
  !userAgent || AUTOMATED.test(userAgent);
