import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { AccountView } from '../accounts/account.type';
import type { RequestContext } from '../context/request-context';
import { ConventionView } from '../conventions/convention.type';
import { ServiceView, StructureView } from '../structures/structure.type';
import {
  CreateAccountInput,
  CreateConventionInput,
  CreateStructureInput,
  ServiceInput,
  UpdateConventionInput,
  UpdateStructureInput,
} from './administration.inputs';
import { administrationService } from './administration.service';

/** Administration: the platform's administrators and each structure's (audited like any write). */
@Resolver()
export class AdministrationResolver {
  @Mutation(() => StructureView, { description: 'Platform admins.' })
  createStructure(@Ctx() ctx: RequestContext, @Arg('input', () => CreateStructureInput) input: CreateStructureInput): Promise<StructureView> {
    return administrationService.createStructure(ctx, input);
  }

  @Mutation(() => StructureView, { description: 'Platform admins.' })
  updateStructure(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateStructureInput) input: UpdateStructureInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<StructureView> {
    return administrationService.updateStructure(ctx, id, input, expectedVersion);
  }

  @Mutation(() => ConventionView, { description: 'Platform admins.' })
  createConvention(@Ctx() ctx: RequestContext, @Arg('input', () => CreateConventionInput) input: CreateConventionInput): Promise<ConventionView> {
    return administrationService.createConvention(ctx, input);
  }

  @Mutation(() => ConventionView, { description: 'Platform admins.' })
  updateConvention(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateConventionInput) input: UpdateConventionInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<ConventionView> {
    return administrationService.updateConvention(ctx, id, input, expectedVersion);
  }

  @Mutation(() => ServiceView, { description: "A structure admin for its structure; platform admins for any." })
  createService(@Ctx() ctx: RequestContext, @Arg('input', () => ServiceInput) input: ServiceInput): Promise<ServiceView> {
    return administrationService.createService(ctx, input);
  }

  @Mutation(() => ServiceView, { description: "A structure admin for its structure; platform admins for any." })
  updateService(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ServiceInput) input: ServiceInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<ServiceView> {
    return administrationService.updateService(ctx, id, input, expectedVersion);
  }

  @Query(() => [AccountView], { description: "The people's accounts of a structure (its admin; platform admins name it). Machine clients: machineClients." })
  accounts(@Ctx() ctx: RequestContext, @Arg('structureId', () => ID, { nullable: true }) structureId?: string | null): Promise<AccountView[]> {
    return administrationService.accounts(ctx, structureId);
  }

  @Mutation(() => AccountView, { description: "A worker role that fits the structure's kind." })
  createAccount(@Ctx() ctx: RequestContext, @Arg('input', () => CreateAccountInput) input: CreateAccountInput): Promise<AccountView> {
    return administrationService.createAccount(ctx, input);
  }

  @Mutation(() => AccountView, { description: 'Refused from its next request, whatever its token.' })
  disableAccount(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<AccountView> {
    return administrationService.setDisabled(ctx, id, true);
  }

  @Mutation(() => AccountView)
  enableAccount(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<AccountView> {
    return administrationService.setDisabled(ctx, id, false);
  }

  @Mutation(() => AccountView, { description: "Ties the account to a subject of an OIDC provider (ProConnect): that provider's tokens for the subject act as the account." })
  linkExternalIdentity(
    @Ctx() ctx: RequestContext,
    @Arg('accountId', () => ID) accountId: string,
    @Arg('issuer', () => String) issuer: string,
    @Arg('subject', () => String) subject: string,
  ): Promise<AccountView> {
    return administrationService.linkExternalIdentity(ctx, accountId, issuer, subject);
  }
}
