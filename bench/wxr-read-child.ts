/**
 * Reads a WordPress export as the importer does (both streaming passes) without writing
 * anything, and prints how many items it handed over and in how long: the reading's share of
 * an import, and its memory, apart from the database's.
 */
import { wxrStories } from '../src/adapters/import/wxr-file.js';

const file = process.argv[2] ?? '';
const started = performance.now();
let items = 0;
for await (const item of wxrStories(file)) if (item.kind === 'story') items += 1;
console.log(JSON.stringify({ items, seconds: (performance.now() - started) / 1000 }));
