/**
 * Rows fetched as one JSON array of arrays are the rows the driver gives for the same query, on
 * both engines: names from aliases and plain columns, nulls, numbers, text with quotes and
 * characters beyond Latin-1, and no rows at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type TestDatabase } from '../../test/test-databases.js';
import { asJsonRowBeside, asJsonRows, rowFromJsonBeside, rowsFromJson } from './json-rows.js';
import { openStorage, type OpenedStorage } from './open-storage.js';

describe.each(ENGINES)('rows as JSON on $engine', ({ engine, create }) => {
  let database: TestDatabase;
  let storage: OpenedStorage;

  beforeAll(async () => {
    database = await create();
    storage = openStorage(database.url);
    await storage.migrate();
    await storage.kysely
      .insertInto('sections')
      .values([
        { slug: 'world', name: 'World "news" — Oman', description: '', position: 2 },
        { slug: 'sport', name: 'Sport', description: 'Scores\nand \\ results', position: 1 },
      ])
      .execute();
  });

  afterAll(async () => {
    await storage?.close();
    await database?.drop();
  });

  const sections = () =>
    storage.kysely
      .selectFrom('sections as s')
      .select(['s.id', 's.name', 's.description', 's.position as place', 's.hidden'])
      .orderBy('s.position');

  it('gives the rows the query gives, named as it names them', async () => {
    const plain = await sections().execute();
    const { query, columns } = asJsonRows(storage.kysely, engine, sections());
    const [answer] = await query.execute();

    expect(columns).toEqual(['id', 'name', 'description', 'place', 'hidden']);
    expect(
      rowsFromJson(answer?.rows, columns).sort(
        (a, b) => (a as (typeof plain)[number]).place - (b as (typeof plain)[number]).place,
      ),
    ).toEqual(plain);
    expect(plain.map((row) => row.name)).toEqual(['Sport', 'World "news" — Oman']);
  });

  it('gives an empty list when nothing matches', async () => {
    const { query, columns } = asJsonRows(
      storage.kysely,
      engine,
      sections().where('s.slug', '=', 'nowhere'),
    );
    const [answer] = await query.execute();

    expect(rowsFromJson(answer?.rows, columns)).toEqual([]);
  });

  it('gives each row the query gives with some columns sent beside its JSON', async () => {
    const plain = await sections().execute();
    const beside = ['description', 'name'];
    const { query, columns } = asJsonRowBeside(storage.kysely, engine, sections(), beside);
    const answers = await query.execute();

    expect(columns).toEqual(['id', 'place', 'hidden']);
    const rows = answers.map((answer) =>
      rowFromJsonBeside<(typeof plain)[number]>(answer, columns, beside),
    );
    expect(rows.sort((a, b) => a.place - b.place)).toEqual(plain);
    expect(rows.map((row) => row.description)).toEqual(['Scores\nand \\ results', '']);
  });

  it('refuses a query whose columns it cannot name', () => {
    expect(() =>
      asJsonRows(storage.kysely, engine, storage.kysely.selectFrom('sections').selectAll()),
    ).toThrow(/every selection named/);
  });
});
