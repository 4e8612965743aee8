import { bodyPlainText } from '../body/plain-text.js';
import { invalid } from '../errors.js';
import type { ArticleDraft } from './article-draft.js';

/**
 * Refuses to put an article in front of readers while something a reader needs is missing.
 * The same rule applies when an editor publishes and when the scheduler does.
 */
export function assertPublishable(draft: ArticleDraft): void {
  if (!draft.headline.trim())
    throw invalid('headline: a published article needs a headline', 'headline');
  if (!bodyPlainText(draft.body).trim())
    throw invalid('body: a published article needs a body', 'body');
  if (draft.lead && !draft.lead.alt.trim()) {
    throw invalid(
      'lead.alt: the lead photo needs alt text before publishing, for readers who cannot see it',
      'lead.alt',
    );
  }
}
