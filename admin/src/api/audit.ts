/** The audit trail (src/http/api/audit/audit-routes.ts), for the editor-in-chief. */
import type { auditPageOutput, auditQueryInput } from '../../../src/http/api/audit/audit-schema.js';
import { request } from './client.js';
import type { Answer, Body } from './json.js';

/** A page of the trail, newest first: each entry's time as an ISO instant. */
export type AuditPage = Answer<typeof auditPageOutput>;
export type AuditEvent = AuditPage['events'][number];

/**
 * The query: an event (`sign_in.failed`) or a family (`sign_in`); a user id or words of an
 * address or name; ISO instants at or after (`from`) and before (`to`); an IP; the page.
 */
export type AuditFilters = Body<typeof auditQueryInput>;

export const auditTrail = {
  list: (filters: AuditFilters) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) {
      if (value !== undefined && value !== '') query.set(key, String(value));
    }
    return request<AuditPage>('GET', `/api/admin/audit?${query.toString()}`);
  },
};
