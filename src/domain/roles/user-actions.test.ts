import { describe, expect, it } from 'vitest';
import { photoActionsFor } from './photo-actions.js';
import type { Actor, Role } from './role.js';
import { authorizeUserChange, userActionsFor } from './user-actions.js';

const person = (role: Role, userId = 1): Actor => ({
  userId,
  role,
  credential: 'session',
  authorId: null,
});
const account = (role: Role, disabled = false) => ({ id: 2, role, disabled });

describe('userActionsFor', () => {
  it('lets the editor-in-chief change a colleague’s role and switch their account', () => {
    const chief = person('editor_in_chief');
    expect(userActionsFor(chief, account('writer'))).toEqual(['change_role', 'disable']);
    expect(userActionsFor(chief, account('writer', true))).toEqual(['change_role', 'enable']);
  });

  it('never offers the editor-in-chief changes to their own account', () => {
    const chief = person('editor_in_chief');
    expect(userActionsFor(chief, { id: 1, role: 'editor_in_chief', disabled: false })).toEqual([]);
    expect(() =>
      authorizeUserChange(chief, { id: 1, role: 'editor_in_chief', disabled: false }, {}),
    ).toThrow(/your own/);
  });

  it('offers nothing to roles that do not manage users, nor to an API token', () => {
    for (const role of ['contributor', 'writer', 'editor'] as const)
      expect(userActionsFor(person(role), account('contributor'))).toEqual([]);
    const script: Actor = { ...person('editor_in_chief'), credential: 'api_token' };
    expect(userActionsFor(script, account('writer'))).toEqual([]);
  });

  it('refuses to disable an account that is already disabled, as a conflict', () => {
    expect(() =>
      authorizeUserChange(person('editor_in_chief'), account('writer', true), { disabled: true }),
    ).toThrow(/already disabled/);
  });
});

describe('photoActionsFor', () => {
  const own = { uploadedBy: 1 };
  const others = { uploadedBy: 2 };

  it('lets a contributor change their own photo but not delete it', () => {
    expect(photoActionsFor(person('contributor'), own)).toEqual(['edit']);
    expect(photoActionsFor(person('contributor'), others)).toEqual([]);
  });

  it('lets a writer delete their own photo, and an editor anyone’s', () => {
    expect(photoActionsFor(person('writer'), own)).toEqual(['edit', 'delete']);
    expect(photoActionsFor(person('writer'), others)).toEqual([]);
    expect(photoActionsFor(person('editor'), others)).toEqual(['edit', 'delete']);
  });
});
