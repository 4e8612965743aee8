import { describe, expect, it } from 'vitest';
import { articleActionsFor, type ArticleStanding } from './article-actions.js';
import type { Actor, Role } from './role.js';

const person = (role: Role, userId = 1): Actor => ({
  userId,
  role,
  credential: 'session',
  authorId: null,
});
const standing = (changes: Partial<ArticleStanding> = {}): ArticleStanding => ({
  createdBy: 1,
  status: 'draft',
  killed: false,
  waiting: null,
  ...changes,
});

describe('articleActionsFor', () => {
  it('lets a contributor edit, submit and note their own draft, and nothing more', () => {
    expect(articleActionsFor(person('contributor'), standing())).toEqual([
      'edit',
      'restore',
      'note',
      'submit',
    ]);
  });

  it('takes a contributor’s story out of their hands once it is submitted', () => {
    expect(articleActionsFor(person('contributor'), standing({ status: 'in_review' }))).toEqual([
      'note',
    ]);
  });

  it('offers a writer publishing and scheduling of their own draft but not bylines or killing', () => {
    const actions = articleActionsFor(person('writer'), standing());
    expect(actions).toEqual(['edit', 'restore', 'note', 'submit', 'schedule', 'publish']);
  });

  it('lets a writer only read and note a colleague’s draft', () => {
    expect(articleActionsFor(person('writer', 2), standing())).toEqual(['note']);
  });

  it('offers an editor every move the workflow has from a draft, on anyone’s story', () => {
    expect(articleActionsFor(person('editor', 2), standing())).toEqual([
      'edit',
      'set_bylines',
      'restore',
      'note',
      'submit',
      'schedule',
      'publish',
      'kill',
    ]);
  });

  it('offers corrections, scheduled updates and unpublishing on a live story to an editor', () => {
    const actions = articleActionsFor(person('editor', 2), standing({ status: 'published' }));
    expect(actions).toEqual([
      'edit',
      'set_bylines',
      'restore',
      'note',
      'unpublish',
      'schedule_update',
      'correct',
      'kill',
    ]);
  });

  it('lets a writer ask the editors once to publish waiting changes to their live story', () => {
    const writer = person('writer');
    const waiting = standing({ status: 'published', waiting: { inReview: false } });
    expect(articleActionsFor(writer, waiting)).toContain('ask_to_publish_changes');
    expect(articleActionsFor(writer, waiting)).not.toContain('publish_changes');
    const asked = { ...waiting, waiting: { inReview: true } };
    expect(articleActionsFor(writer, asked)).not.toContain('ask_to_publish_changes');
    expect(articleActionsFor(person('editor', 2), asked)).toContain('publish_changes');
  });

  it('offers publishing changes only when changes wait', () => {
    const live = standing({ status: 'published' });
    expect(articleActionsFor(person('editor_in_chief', 2), live)).not.toContain('publish_changes');
  });

  it('offers nothing at all on a killed story, whoever asks', () => {
    for (const role of ['contributor', 'writer', 'editor', 'editor_in_chief'] as const)
      expect(articleActionsFor(person(role), standing({ killed: true }))).toEqual([]);
  });

  it('never offers the move to the state the story is already in', () => {
    const scheduled = articleActionsFor(person('editor'), standing({ status: 'scheduled' }));
    expect(scheduled).not.toContain('schedule');
    expect(scheduled).toContain('return_to_draft');
  });
});
