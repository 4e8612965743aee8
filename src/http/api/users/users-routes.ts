import type { FastifyInstance } from 'fastify';
import type { AccountDeps } from '../../../services/accounts/account-deps.js';
import { changeUser } from '../../../services/accounts/change-user.js';
import { listUsers } from '../../../services/accounts/list-users.js';
import { defineEndpoint } from '../define-endpoint.js';
import { presentUserTo } from './user-presenter.js';
import {
  changedUserOutput,
  changeUserInput,
  listUsersInput,
  userListOutput,
} from './users-schema.js';

/** The newsroom's people: who is on staff, with what role; for the editor-in-chief. */
export function registerUserRoutes(server: FastifyInstance, accounts: AccountDeps) {
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/users',
    input: listUsersInput,
    output: userListOutput,
    permission: 'user.manage',
    handle: async ({ actor }) => ({
      users: (await listUsers(accounts, actor)).map(presentUserTo(actor)),
    }),
  });

  defineEndpoint(server, {
    method: 'PATCH',
    url: '/api/admin/users/:id',
    input: changeUserInput,
    output: changedUserOutput,
    permission: 'user.manage',
    handle: async ({ actor, input }) => ({
      user: presentUserTo(actor)(
        await changeUser(accounts, actor, input.id, { role: input.role, disabled: input.disabled }),
      ),
    }),
  });
}
