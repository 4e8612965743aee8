import { confusableSkeleton } from '../../domain/account/confusable-skeleton.js';
import { invalid } from '../../domain/errors.js';
import type { Stores } from '../ports.js';

/**
 * Refuses a new account whose address looks like an existing one (`chief@` written with a
 * Cyrillic і or a zero for an o). Newsrooms have tens of people, not millions: reading them
 * all when an account is made is cheaper than keeping skeletons in step with the map.
 */
export async function refuseLookAlikeAccount(
  stores: Pick<Stores, 'users'>,
  email: string,
): Promise<void> {
  const skeleton = confusableSkeleton(email);
  const twin = (await stores.users.list()).find(
    (user) => user.email !== email && confusableSkeleton(user.email) === skeleton,
  );
  if (twin)
    throw invalid(
      'email: looks like the address of an existing account; check each letter',
      'email',
    );
}
