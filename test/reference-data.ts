/**
 * The reference data the suites check against, kept in the repository with its provenance
 * (test/reference/SOURCES.md): the seed article page and the correctness vectors.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REFERENCE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'reference');

/** Absolute path of a file under test/reference/, e.g. `referencePath('seed', 'lead.jpg')`. */
export const referencePath = (...parts: string[]) => join(REFERENCE_DIR, ...parts);

/** A JSON file under test/reference/, parsed. */
export const readReferenceJson = (...parts: string[]): unknown =>
  JSON.parse(readFileSync(referencePath(...parts), 'utf8'));
