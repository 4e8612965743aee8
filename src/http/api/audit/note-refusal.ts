import type { FastifyRequest } from 'fastify';
import type { DomainError } from '../../../domain/errors.js';
import type { AccountDeps } from '../../../services/accounts/account-deps.js';
import { recordRefusal } from '../../../services/audit/record-refusal.js';
import { clientOf } from '../../middleware/authentication/index.js';

/**
 * Puts a 403 in the audit trail: who was refused, the method and the route as declared. A
 * failure to record is logged, and the refusal still goes out.
 */
export async function noteRefusal(
  accounts: Pick<AccountDeps, 'storage' | 'clock'>,
  request: FastifyRequest,
  error: DomainError,
): Promise<void> {
  try {
    await recordRefusal(accounts, {
      // Only the newsroom's context knows its callers; elsewhere the request has no actor.
      actor: (request as { actor?: FastifyRequest['actor'] }).actor ?? null,
      method: request.method,
      route: request.routeOptions.url ?? request.url.split('?')[0] ?? '',
      origin: clientOf(request),
      reason: error.message,
    });
  } catch (failure) {
    request.log.error(failure, 'audit: could not record a refused request');
  }
}
