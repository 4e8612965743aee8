import type { FastifyInstance } from 'fastify';
import type { AccountDeps } from '../../../services/accounts/account-deps.js';
import { readAuditTrail } from '../../../services/audit/read-audit-trail.js';
import { defineEndpoint } from '../define-endpoint.js';
import { auditPageOutput, auditQueryInput } from './audit-schema.js';

const PAGE_SIZE = 50;

const instantOf = (value: string | undefined) =>
  value === undefined ? undefined : new Date(value);

/** The audit trail, filtered and a page at a time: for the editor-in-chief only. */
export function registerAuditRoutes(server: FastifyInstance, accounts: AccountDeps) {
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/audit',
    input: auditQueryInput,
    output: auditPageOutput,
    permission: 'audit.read',
    handle: async ({ actor, input }) => {
      const page = await readAuditTrail(accounts, actor, {
        event: input.event,
        person: input.person,
        from: instantOf(input.from),
        to: instantOf(input.to),
        ip: input.ip,
        limit: PAGE_SIZE,
        offset: (input.page - 1) * PAGE_SIZE,
      });
      return { ...page, page: input.page, pageSize: PAGE_SIZE };
    },
  });
}
