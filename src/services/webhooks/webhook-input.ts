import { invalid } from '../../domain/errors.js';
import type { ArticleEventType } from '../ports.js';
import type { WebhookDeps } from './webhook-deps.js';

/** The events a subscription may ask for. */
export const WEBHOOK_EVENTS: readonly ArticleEventType[] = [
  'article.published',
  'article.updated',
  'article.corrected',
  'article.unpublished',
  'article.killed',
];

const DESCRIPTION_MAX_LENGTH = 200;
const URL_MAX_LENGTH = 2_000;

/** The URL, refused when the server would never send to it (scheme, credentials, address). */
export function checkedWebhookUrl(deps: Pick<WebhookDeps, 'outbound'>, raw: string): string {
  const url = raw.trim();
  if (url.length > URL_MAX_LENGTH)
    throw invalid(`url: must be at most ${URL_MAX_LENGTH} characters`, 'url');
  const refusal = deps.outbound.refusalOf(url);
  if (refusal) throw invalid(`url: ${refusal}`, 'url');
  return new URL(url).toString();
}

/** The events, each once, in their usual order; at least one. */
export function checkedEvents(events: readonly string[]): ArticleEventType[] {
  const unknown = events.find((e) => !WEBHOOK_EVENTS.includes(e as ArticleEventType));
  if (unknown) throw invalid(`events: ${unknown} is not an event Dateline sends`, 'events');
  const chosen = WEBHOOK_EVENTS.filter((e) => events.includes(e));
  if (chosen.length === 0) throw invalid('events: choose at least one event', 'events');
  return chosen;
}

export function checkedDescription(description: string): string {
  const text = description.trim();
  if (text.length > DESCRIPTION_MAX_LENGTH)
    throw invalid(
      `description: must be at most ${DESCRIPTION_MAX_LENGTH} characters`,
      'description',
    );
  return text;
}

/** A new signing secret, marked so it is recognised wherever it is pasted. */
export const newSigningSecret = (deps: Pick<WebhookDeps, 'newSecret'>) =>
  `whsec_${deps.newSecret()}`;
