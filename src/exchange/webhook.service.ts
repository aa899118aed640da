import { randomBytes } from 'node:crypto';
import { Account } from '../accounts/account.entity';
import { auditWrite } from '../audit/audit.service';
import { ClientKind, workerRoleOf } from '../auth/role';
import type { RequestContext } from '../context/request-context';
import { inTransaction } from '../context/transaction';
import { assertAllowed } from '../policy/authz';
import { Permission } from '../policy/permissions';
import { BadUserInputError, NotFoundError } from '../shared/errors';
import { parseId } from '../shared/ids';
import { afterPosition, type Connection, keysetPage } from '../shared/connection';
import { Structure } from '../structures/structure.entity';
import { queueDelivery } from './webhook-relay';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { WebhookSubscription } from './webhook-subscription.entity';
import { checkWebhookUrl } from './webhook-url';
import type { CreateWebhookSubscriptionInput } from './webhook.inputs';
import { WebhookDeliveryView, WebhookSubscriptionCreatedView, WebhookSubscriptionView } from './webhook.type';

/** Subscriptions of a structure to events, managed by its administrator or its partner systems. */
export class WebhookService {
  async list(ctx: RequestContext): Promise<WebhookSubscriptionView[]> {
    assertAllowed(ctx.viewer, Permission.WEBHOOK_MANAGE);
    const found = await ctx.em.find(WebhookSubscription, { structure: ctx.viewer.structureId, deletedAt: null }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return found.map(WebhookSubscriptionView.from);
  }

  async create(ctx: RequestContext, input: CreateWebhookSubscriptionInput): Promise<WebhookSubscriptionCreatedView> {
    assertAllowed(ctx.viewer, Permission.WEBHOOK_MANAGE);
    const url = await checkWebhookUrl(input.url.trim(), ctx.settings.production);
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const subscription = await inTransaction(ctx, async (em) => {
      const structure = await em.findOneOrFail(Structure, ctx.viewer.structureId);
      // A partner system is told what its own role sees; an administrator's subscription, what the structure's workers see.
      const role = ctx.viewer.clientKind === ClientKind.MACHINE ? ctx.viewer.role : workerRoleOf(structure.kind);
      if (!role) throw new BadUserInputError(`A ${structure.kind} reads no person record: it has no event to be told of`, 'eventTypes');
      const created = new WebhookSubscription(structure, role, em.getReference(Account, ctx.viewer.accountId), url.toString(), [...input.eventTypes], secret);
      em.persist(created);
      auditWrite(ctx, { personId: null, domains: [], action: 'createWebhookSubscription', ids: { subscriptionId: created.id } });
      return created;
    });
    return Object.assign(new WebhookSubscriptionCreatedView(), { subscription: WebhookSubscriptionView.from(subscription), secret });
  }

  async delete(ctx: RequestContext, id: string): Promise<WebhookSubscriptionView> {
    assertAllowed(ctx.viewer, Permission.WEBHOOK_MANAGE);
    const subscription = await inTransaction(ctx, async (em) => {
      const found = await this.own(ctx, id);
      found.deletedAt = new Date();
      auditWrite(ctx, { personId: null, domains: [], action: 'deleteWebhookSubscription', ids: { subscriptionId: found.id } });
      return found;
    });
    return WebhookSubscriptionView.from(subscription);
  }

  /** The deliveries of a subscription, newest first; those withheld by the policy are not listed. */
  async deliveries(ctx: RequestContext, subscriptionId: string, first: number, after: string | null): Promise<Connection<WebhookDeliveryView>> {
    assertAllowed(ctx.viewer, Permission.WEBHOOK_MANAGE);
    if (!Number.isInteger(first) || first < 1 || first > 100) throw new BadUserInputError('first must be between 1 and 100', 'first');
    const subscription = await this.own(ctx, subscriptionId, true);
    return keysetPage({
      list: 'webhookDeliveries',
      keyLength: 2,
      args: { first, after },
      fetch: async (position, limit) => {
        const keyset = afterPosition(['created_at', 'id'], ['timestamptz', 'uuid'], position, 'desc');
        // created_at as the database writes it (to the microsecond) is the delivery's position.
        const rows = await ctx.em.execute<Record<string, unknown>[]>(
          `select *, created_at::text as cursor_at from webhook_delivery
           where subscription_id = ? and status <> ? and ${keyset.sql}
           order by created_at desc, id desc limit ${limit}`,
          [subscription.id, WebhookDeliveryStatus.WITHHELD, ...keyset.params],
        );
        return rows.map((row) => ({ delivery: ctx.em.map(WebhookDelivery, row), at: String(row.cursor_at) }));
      },
      key: (row) => [row.at, row.delivery.id],
      node: (row) => WebhookDeliveryView.from(row.delivery),
    });
  }

  /** Sends a delivery again (a receiver that lost it): a new retry window, the same webhook-id. */
  async redeliver(ctx: RequestContext, deliveryId: string): Promise<WebhookDeliveryView> {
    assertAllowed(ctx.viewer, Permission.WEBHOOK_MANAGE);
    const delivery = await inTransaction(ctx, async (em) => {
      const found = await em.findOne(
        WebhookDelivery,
        { id: parseId(deliveryId, 'deliveryId'), subscription: { structure: ctx.viewer.structureId }, status: { $ne: WebhookDeliveryStatus.WITHHELD } },
        { populate: ['subscription'] },
      );
      if (!found) throw new NotFoundError('Webhook delivery');
      if (found.subscription.deletedAt) throw new BadUserInputError('The subscription was deleted', 'deliveryId');
      if (found.status === WebhookDeliveryStatus.SENDING) return found;
      Object.assign(found, { status: WebhookDeliveryStatus.PENDING, retryFrom: new Date(), nextAttemptAt: new Date() });
      await em.flush();
      await queueDelivery(em, found.id);
      auditWrite(ctx, { personId: null, domains: [], action: 'redeliverWebhook', ids: { deliveryId: found.id } });
      return found;
    });
    return WebhookDeliveryView.from(delivery);
  }

  /** A subscription of the viewer's structure; another structure's is not found, as an unknown one. */
  private async own(ctx: RequestContext, id: string, includeDeleted = false): Promise<WebhookSubscription> {
    const found = await ctx.em.findOne(WebhookSubscription, {
      id: parseId(id, 'id'),
      structure: ctx.viewer.structureId,
      ...(includeDeleted ? {} : { deletedAt: null }),
    });
    if (!found) throw new NotFoundError('Webhook subscription');
    return found;
  }
}

export const webhookService = new WebhookService();
