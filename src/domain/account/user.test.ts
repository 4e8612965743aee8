import { describe, expect, it } from 'vitest';
import { actorFor, personName, roleLabel, type User } from './user.js';

const user: User = {
  id: 7,
  email: 'amal@paper.example',
  name: 'Amal',
  role: 'editor_in_chief',
  authorId: 3,
  createdAt: new Date('2024-01-01T00:00:00Z'),
  disabledAt: null,
};

describe('newsroom members', () => {
  it('act with their role and byline, and the credential they used', () => {
    expect(actorFor(user, 'api_token')).toEqual({
      userId: 7,
      role: 'editor_in_chief',
      credential: 'api_token',
      authorId: 3,
    });
    expect(roleLabel('editor_in_chief')).toBe('editor in chief');
  });

  it('have a name that is neither empty nor endless', () => {
    expect(personName('  Amal   Haddad ')).toBe('Amal Haddad');
    expect(() => personName('  ')).toThrow('name: must not be empty');
    expect(() => personName('x'.repeat(121))).toThrow('name: must be at most 120 characters');
  });
});
