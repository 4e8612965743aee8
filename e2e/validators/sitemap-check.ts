/**
 * Sitemaps validated by xmllint (Debian's libxml2-utils) against the sitemaps.org schemas and
 * Google's news, image and video extensions (local copies in xsd/, see xsd/SOURCES.md; no
 * network), plus the limits a schema cannot state: 50,000 entries and 50 MB a file, 1,000
 * news entries a news sitemap.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { outputOf, runCommand, type ValidatorRun } from './validator-run.js';

const XSD = join(dirname(fileURLToPath(import.meta.url)), 'xsd');
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
const LIMITS = { entries: 50_000, bytes: 50 * 1024 * 1024, news: 1_000 };

const count = (xml: string, pattern: RegExp) => (xml.match(pattern) ?? []).length;

/** What is wrong with one sitemap file; empty when nothing is. */
async function problemsOf(file: string, name: string): Promise<string[]> {
  const xml = readFileSync(file, 'utf8');
  const root = /<(urlset|sitemapindex)[\s>]/.exec(xml)?.[1];
  if (!root) return [`${name}: the root is neither <urlset> nor <sitemapindex>`];
  const schema = join(XSD, root === 'urlset' ? 'sitemap-all.xsd' : 'siteindex.xsd');
  const run = await runCommand('xmllint', ['--noout', '--nonet', '--schema', schema, file], {
    XML_CATALOG_FILES: join(XSD, 'catalog.xml'),
  });
  const problems = run.code === 0 ? [] : [`${name}: not valid by the schema\n${outputOf(run)}`];
  const entries = count(xml, root === 'urlset' ? /<url>/g : /<sitemap>/g);
  if (entries > LIMITS.entries) problems.push(`${name}: ${entries} entries (limit 50,000)`);
  if (statSync(file).size > LIMITS.bytes) problems.push(`${name}: over 50 MB`);
  const news = xml.includes(NEWS_NS) ? count(xml, /<news:news>/g) : 0;
  if (news > LIMITS.news) problems.push(`${name}: ${news} news entries (Google News limit 1,000)`);
  return problems;
}

/** Checks sitemap files (`names` label them in the report). */
export async function checkSitemaps(files: string[], names = files): Promise<ValidatorRun> {
  const problems: string[] = [];
  for (const [i, file] of files.entries())
    problems.push(...(await problemsOf(file, names[i] ?? file)));
  return { tool: 'xmllint (sitemaps)', passed: problems.length === 0, report: problems.join('\n') };
}
