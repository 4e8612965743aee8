import { isIP } from 'node:net';
import { z } from 'zod';
import { AUDIT_EVENTS } from '../../../domain/audit/audit-entry.js';

const instant = z.string().datetime({
  offset: true,
  message: 'must be an ISO 8601 instant such as 2024-04-24T00:00:00+03:00',
});

/** The audit list's filters and page, from the query string. */
export const auditQueryInput = z
  .object({
    event: z
      .string()
      .max(60)
      .regex(
        /^[a-z_]+(\.[a-z_]+)?$/,
        'must be an event such as sign_in.failed, or a family such as sign_in',
      )
      .optional(),
    person: z.string().trim().min(1).max(200).optional(),
    from: instant.optional(),
    to: instant.optional(),
    ip: z
      .string()
      .max(64)
      .refine((value) => isIP(value) !== 0, 'must be an IP address such as 192.0.2.1')
      .optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict();

const detailValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

/** A page of the audit trail, newest first. */
export const auditPageOutput = z.object({
  events: z.array(
    z.object({
      id: z.number().int(),
      at: z.date(),
      event: z.enum(AUDIT_EVENTS),
      actor: z.object({
        kind: z.enum(['session', 'api_token', 'content_key', 'cli', 'system', 'anonymous']),
        userId: z.number().int().nullable(),
        email: z.string().nullable(),
        name: z.string().nullable(),
      }),
      target: z.object({ type: z.string(), id: z.string() }).nullable(),
      details: z.record(detailValue),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
    }),
  ),
  hasMore: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
