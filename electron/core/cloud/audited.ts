/**
 * The admin API and provisioning clients with every call written to the audit log (channel found, created,
 * deleted; record checked, posted, removed). Decorators, so register.ts stays free of bookkeeping and no step
 * can be forgotten. Entries carry sentences only: failure messages are already scrubbed (failure.ts), and
 * nothing here reads a password or token.
 */
import type { AuditLog, AuditRecord } from '../../platform/audit-log.js';
import type { Logger } from '../../platform/ports.js';
import type { AdminApi } from './admin-api.js';
import type { CloudResult } from './failure.js';
import type { ProvisioningClient } from './provisioning.js';

export interface AuditContext {
  audit: AuditLog;
  log: Logger;
  /** Which front door asked: `ui`, `cli`. */
  via: string;
}

/** Append, never throw: a full disk must not turn a finished registration into a failure. */
export async function appendAudit(ctx: AuditContext, record: Omit<AuditRecord, 'via'>): Promise<void> {
  try {
    await ctx.audit.append({ ...record, message: record.message.slice(0, 1024), via: ctx.via });
  } catch (error) {
    ctx.log.warn('The audit log could not be written', { action: record.action, error: String(error) });
  }
}

async function noted<T>(
  ctx: AuditContext,
  action: string,
  camera: string | null,
  call: Promise<CloudResult<T>>,
  said: (value: T) => string,
): Promise<CloudResult<T>> {
  const result = await call;
  await appendAudit(ctx, {
    action,
    camera,
    result: result.ok ? 'ok' : 'failed',
    message: result.ok ? said(result.value) : result.failure.message,
  });
  return result;
}

export function auditedAdminApi(api: AdminApi, ctx: AuditContext): AdminApi {
  return {
    findChannelsByCameraId: (id) =>
      noted(ctx, 'cloud.channel.find', id, api.findChannelsByCameraId(id), (found) =>
        found.length ? `Found channel ${found.map((c) => c.id).join(', ')} for camera ${id}.` : `No channel for camera ${id} yet.`,
      ),
    createChannel: (input) =>
      noted(ctx, 'cloud.channel.create', input.cameraId, api.createChannel(input), (c) => `Created channel ${c.id} "${c.name}".`),
    getChannel: (id) => api.getChannel(id),
    countChannels: () => api.countChannels(),
    deleteChannel: (id) => noted(ctx, 'cloud.channel.delete', null, api.deleteChannel(id), () => `Deleted channel ${id}.`),
  };
}

export function auditedProvisioning(client: ProvisioningClient, ctx: AuditContext): ProvisioningClient {
  return {
    isRegistered: (id) =>
      noted(ctx, 'provisioning.check', id, client.isRegistered(id), (yes) =>
        yes ? `Camera ${id} already has a provisioning record.` : `Camera ${id} has no provisioning record yet.`,
      ),
    register: (record) =>
      noted(
        ctx,
        'provisioning.post',
        record.serialId,
        client.register(record),
        () => `Stored the provisioning record for ${record.serialId}.`,
      ),
    countRecords: () => client.countRecords(),
    unregister: (id) =>
      noted(ctx, 'provisioning.delete', id, client.unregister(id), (had) =>
        had ? `Removed the provisioning record for ${id}.` : `Camera ${id} had no provisioning record.`,
      ),
  };
}
