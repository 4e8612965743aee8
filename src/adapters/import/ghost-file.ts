import type { ForeignItem } from '../../domain/import/foreign-story.js';
import { ghostStories as storiesOf } from '../../domain/import/ghost-stories.js';

/** A Ghost export's stories, one by one (the JSON is already read: Ghost exports are small). */
// eslint-disable-next-line @typescript-eslint/require-await
export async function* ghostStories(json: unknown): AsyncGenerator<ForeignItem> {
  yield* storiesOf(json);
}
