import type { FastifyInstance } from 'fastify';
import type { AccountDeps } from '../../services/accounts/account-deps.js';
import { registerAuthentication } from '../middleware/authentication/index.js';
import { registerAuditRoutes } from './audit/audit-routes.js';
import { registerInvitationRoutes } from './invitations/invitations-routes.js';
import { registerMailRoutes } from './mail/mail-routes.js';
import { registerPasswordResetRoutes } from './password-resets/password-resets-routes.js';
import { registerSessionRoutes } from './session/session-routes.js';
import { registerSetUpRoutes } from './setup/setup-routes.js';
import { registerTokenRoutes } from './tokens/tokens-routes.js';
import { registerUserRoutes } from './users/users-routes.js';

/**
 * The newsroom's API (/api/admin/…) and pages (/admin/…), in a Fastify context of their own:
 * cookies, sessions and CSRF checks apply to these routes only, never to reader pages.
 * Every route that needs `request.actor` is registered in here; `registerMore` adds the
 * newsroom's other resources (articles…) to the same context.
 */
export async function registerNewsroomApi(
  server: FastifyInstance,
  accounts: AccountDeps,
  registerMore: (newsroom: FastifyInstance) => void = () => {},
) {
  await server.register(async (newsroom) => {
    await registerAuthentication(newsroom, accounts);
    registerSetUpRoutes(newsroom, accounts);
    registerSessionRoutes(newsroom, accounts);
    registerInvitationRoutes(newsroom, accounts);
    registerPasswordResetRoutes(newsroom, accounts);
    registerTokenRoutes(newsroom, accounts);
    registerUserRoutes(newsroom, accounts);
    registerMailRoutes(newsroom, accounts);
    registerAuditRoutes(newsroom, accounts);
    registerMore(newsroom);
  });
}
