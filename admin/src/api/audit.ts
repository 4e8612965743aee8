/** The audit trail (src/http/api/audit/audit-routes.ts), for the editor-in-chief. */
import type { AuditRecord } from '../../../src/domain/audit/audit-entry.js';
import { request } from './client.js';

/** One entry as the server sends it: the time as an ISO instant. */
export type AuditEvent = Omit<AuditRecord, 'at'> & { at: string };

export interface AuditFilters {
  /** An event (`sign_in.failed`) or a family (`sign_in`). */
  event?: string;
  /** A user id, or words of an e-mail address or name. */
  person?: string;
  /** ISO instants: at or after, and before. */
  from?: string;
  to?: string;
  ip?: string;
  page?: number;
}

export interface AuditPage {
  events: AuditEvent[];
  hasMore: boolean;
  page: number;
  pageSize: number;
}

export const auditTrail = {
  list: (filters: AuditFilters) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) {
      if (value !== undefined && value !== '') query.set(key, String(value));
    }
    return request<AuditPage>('GET', `/api/admin/audit?${query.toString()}`);
  },
};
