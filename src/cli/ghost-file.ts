import type { ForeignItem } from '../domain/import/foreign-story.js';

/** A Ghost export's stories, one by one (the JSON is already read: Ghost exports are small). */
// eslint-disable-next-line @typescript-eslint/require-await
export async function* ghostStories(json: unknown): AsyncGenerator<ForeignItem> {
  void json;
  yield { kind: 'failed', label: 'the file', reason: 'Ghost exports are not imported yet' };
}
