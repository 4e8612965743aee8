/**
 * What the wire queue accepts of a parser's item: the checks a record must pass before it is
 * stored, so a malformed one fails alone with a reason naming its field.
 */
import { z } from 'zod';
import { parseWith } from '../validation.js';
import type { WireItem } from './wire-item.js';

const line = (max: number) => z.string().trim().max(max);
const instant = z.string().datetime({ offset: true, message: 'must be an ISO 8601 time' });

const wirePhotoSchema = z.object({
  href: line(2000).min(1, 'must not be empty'),
  caption: line(2000),
  credit: line(300),
  alt: line(1000),
});

const wireItemSchema = z.object({
  uri: line(500).min(1, 'must not be empty'),
  version: z.number().int().min(1, 'must be 1 or more').max(2_147_483_647),
  agency: line(120).min(1, 'must not be empty'),
  urgency: z.number().int().min(1).max(9).nullable(),
  headline: line(1000).min(1, 'must not be empty'),
  dateline: line(200),
  bodyHtml: z.string().max(2_000_000, 'is longer than the wire queue keeps'),
  bylines: z.array(line(200)).max(50),
  subjects: z.array(line(200)).max(200),
  photos: z.array(wirePhotoSchema).max(100),
  firstCreatedAt: instant.nullable(),
  sentAt: instant,
  language: line(35).nullable(),
  format: line(40).min(1, 'must not be empty'),
});

/** The item as the queue stores it, times in UTC; throws Invalid naming the field at fault. */
export function checkedWireItem(item: WireItem): WireItem {
  const checked = parseWith(wireItemSchema, item);
  const utc = (time: string) => new Date(time).toISOString();
  return {
    ...checked,
    sentAt: utc(checked.sentAt),
    firstCreatedAt: checked.firstCreatedAt === null ? null : utc(checked.firstCreatedAt),
    bylines: checked.bylines.filter((name) => name !== ''),
    subjects: checked.subjects.filter((name) => name !== ''),
  };
}
