/**
 * Corrections, against the newsroom's stores in memory. test/newsroom-articles.test.ts and
 * test/story-details.test.ts check them through the database and the reader's page.
 */
import { describe, expect, it } from 'vitest';
import { actorAs, fakeNewsroom } from '../fakes/fake-newsroom.js';
import { parseWith } from '../../domain/validation.js';
import { correctArticle, correctionSchema } from './correct-article.js';

const EDITOR = actorAs('editor', 10);
const WRITER = actorAs('writer', 20);

describe('correcting a story', () => {
  it('adds a dated correction to the live story, which counts as changed for readers, and records article.corrected', async () => {
    const world = fakeNewsroom();
    const live = await world.addStory({ status: 'published' });
    world.setNow('2024-04-24T13:00:00Z');
    const text = 'The rate is 4.25 per cent, not 4.5.';
    // As the edge parses it: the kind defaults to a correction, the text is trimmed.
    const request = parseWith(correctionSchema, { text: `  ${text} ` });
    const added = await correctArticle(world.deps, EDITOR, live.id, request);
    const at = new Date('2024-04-24T13:00:00Z');
    expect(added).toMatchObject({ kind: 'correction', text, createdAt: at });
    expect(world.article(live.id)).toMatchObject({
      corrections: [added],
      liveChangedAt: at,
      updatedAt: at,
      headline: live.headline,
      revision: 1,
    });
    expect(world.state.events).toEqual([
      expect.objectContaining({
        type: 'article.corrected',
        articleId: live.id,
        userId: EDITOR.userId,
        payload: { correctionId: added.id },
      }),
    ]);
  });

  it('keeps a clarification as a clarification', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory({ status: 'published' });
    await correctArticle(world.deps, EDITOR, id, {
      kind: 'clarification',
      text: 'The council vote was on Monday.',
    });
    expect(world.article(id).corrections).toMatchObject([{ kind: 'clarification' }]);
  });

  it.each([
    ['no text', {}, 'text'],
    ['blank text', { text: '   ' }, 'text'],
    ['an unknown kind', { kind: 'retraction', text: 'Withdrawn.' }, 'kind'],
  ])('refuses %s at the edge, naming the field', (_what, input, field) => {
    let refusal: unknown;
    try {
      parseWith(correctionSchema, input);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ kind: 'invalid', field });
  });

  it('takes corrections on published stories only', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory();
    await expect(
      correctArticle(world.deps, EDITOR, id, {
        kind: 'correction',
        text: 'The rate is 4.25 per cent.',
      }),
    ).rejects.toMatchObject({ kind: 'invalid' });
    expect(world.article(id).corrections).toEqual([]);
  });

  it('leaves corrections to editors, even of a writer’s own story, and refuses a killed story', async () => {
    const world = fakeNewsroom();
    const own = await world.addStory({ status: 'published', createdBy: WRITER.userId });
    const killed = await world.addStory({ status: 'unpublished', killed: true });
    const input = { kind: 'correction' as const, text: 'The rate is 4.25 per cent.' };
    await expect(correctArticle(world.deps, WRITER, own.id, input)).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(correctArticle(world.deps, EDITOR, killed.id, input)).rejects.toMatchObject({
      kind: 'forbidden',
    });
    expect(world.state.events).toEqual([]);
  });
});
