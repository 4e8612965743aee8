import { describe, expect, it } from 'vitest';
import { authorize, can, type ArticleAccess } from './permissions.js';
import { COMMAND_LINE, type Actor } from './role.js';

const draft: ArticleAccess = { createdBy: null, status: 'draft', killed: false };
const published: ArticleAccess = { ...draft, status: 'published' };

describe('what the command line may do', () => {
  it('files, submits and publishes imported stories with their photos, sections and bylines', () => {
    for (const action of [
      'article.create',
      'media.upload',
      'section.manage',
      'author.manage',
    ] as const)
      expect(can(COMMAND_LINE, action), action).toBe(true);
    expect(can(COMMAND_LINE, 'article.submit', draft)).toBe(true);
    expect(can(COMMAND_LINE, 'article.publish', draft)).toBe(true);
  });

  it('changes, takes down or kills nothing, and manages no people, settings or webhooks', () => {
    for (const action of [
      'article.edit',
      'article.unpublish',
      'article.kill',
      'article.correct',
    ] as const)
      expect(can(COMMAND_LINE, action, published), action).toBe(false);
    expect(can(COMMAND_LINE, 'article.publish', { ...published, killed: true })).toBe(false);
    for (const action of [
      'user.manage',
      'settings.manage',
      'webhook.manage',
      'audit.read',
    ] as const)
      expect(can(COMMAND_LINE, action), action).toBe(false);
    expect(() => authorize(COMMAND_LINE, 'user.manage')).toThrow(
      'The command line may not manage users',
    );
  });

  it('widens no person’s role: a contributor still may not publish or add sections', () => {
    const contributor: Actor = {
      userId: 7,
      role: 'contributor',
      credential: 'session',
      authorId: null,
    };
    expect(can(contributor, 'article.publish', { ...draft, createdBy: 7 })).toBe(false);
    expect(can(contributor, 'section.manage')).toBe(false);
  });
});
