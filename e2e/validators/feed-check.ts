/**
 * RSS and Atom feeds read by three independent clients written by others: Debian's
 * python3-feedparser (the Universal Feed Parser: not well-formed XML or a wrong encoding makes
 * it "bozo"), rss-parser and @extractus/feed-extractor (npm, pinned). A feed passes when all
 * three read it without error and count the same items.
 */
import { readFileSync } from 'node:fs';
import { extractFromXml } from '@extractus/feed-extractor';
import Parser from 'rss-parser';
import { outputOf, runCommand, type ValidatorRun } from './validator-run.js';

const FEEDPARSER = `
import json, sys, feedparser
for path in sys.argv[1:]:
    d = feedparser.parse(path)
    exc = d.get('bozo_exception')
    print(json.dumps({'version': d.version, 'items': len(d.entries),
                      'bozo': '%s: %s' % (type(exc).__name__, exc) if d.bozo else ''}))
`;

interface FeedparserReading {
  version: string;
  items: number;
  bozo: string;
}

async function feedparserReadings(files: string[]) {
  const run = await runCommand('/usr/bin/python3', ['-c', FEEDPARSER, ...files]);
  if (run.code !== 0) throw new Error(`feedparser could not run:\n${outputOf(run)}`);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as FeedparserReading);
}

/** The item count each npm parser reads, or what it objected to. */
async function npmReadings(file: string) {
  // A byte order mark is legal XML, but rss-parser 3.13 refuses it.
  const xml = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const read = async (parse: () => Promise<number> | number) => {
    try {
      return { items: await parse() };
    } catch (error) {
      return { problem: String((error as Error).message).split('\n')[0] };
    }
  };
  return {
    rssParser: await read(async () => (await new Parser().parseString(xml)).items.length),
    feedExtractor: await read(
      () => extractFromXml(xml, { normalization: true }).entries?.length ?? 0,
    ),
  };
}

/** Checks feed files (`names` label them in the report, e.g. their URLs). */
export async function checkFeeds(files: string[], names = files): Promise<ValidatorRun> {
  const fromFeedparser = await feedparserReadings(files);
  const problems: string[] = [];
  for (const [i, file] of files.entries()) {
    const name = names[i] ?? file;
    const fp = fromFeedparser[i];
    const { rssParser, feedExtractor } = await npmReadings(file);
    if (!fp?.version) problems.push(`${name}: feedparser does not recognise a feed`);
    if (fp?.bozo) problems.push(`${name}: feedparser: ${fp.bozo}`);
    if (rssParser.problem) problems.push(`${name}: rss-parser: ${rssParser.problem}`);
    if (feedExtractor.problem) problems.push(`${name}: feed-extractor: ${feedExtractor.problem}`);
    const counts = [fp?.items, rssParser.items, feedExtractor.items];
    if (new Set(counts).size !== 1)
      problems.push(
        `${name}: item counts differ (feedparser, rss-parser, feed-extractor): ${counts.join(', ')}`,
      );
  }
  return { tool: 'feed parsers', passed: problems.length === 0, report: problems.join('\n') };
}
