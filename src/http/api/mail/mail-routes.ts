import type { FastifyInstance } from 'fastify';
import type { AccountDeps } from '../../../services/accounts/account-deps.js';
import { readMailDelivery } from '../../../services/accounts/read-mail-delivery.js';
import { defineEndpoint } from '../define-endpoint.js';
import { mailDeliveryInput, mailDeliveryOutput } from './mail-schema.js';

/** Whether the newsroom's mail (invitations, password resets) is getting out. */
export function registerMailRoutes(server: FastifyInstance, accounts: AccountDeps) {
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/mail-delivery',
    input: mailDeliveryInput,
    output: mailDeliveryOutput,
    permission: 'user.manage',
    handle: async ({ actor }) => {
      const report = await readMailDelivery(accounts, actor);
      return { ...report, nextAttemptAt: report.nextAttemptAt?.toISOString() ?? null };
    },
  });
}
