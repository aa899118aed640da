import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { type Connection, PageArgs } from '../shared/connection';
import { AccountConnectionView, AccountView } from '../accounts/account.type';
import type { RequestContext } from '../context/request-context';
import { ConventionView } from '../support/convention.type';
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
  @Mutation(() => StructureView, { description: 'Adds a structure to the directory; platform admins only.' })
  createStructure(@Ctx() ctx: RequestContext, @Arg('input', () => CreateStructureInput, { description: 'The structure: kind, name and where it is.' }) input: CreateStructureInput): Promise<StructureView> {
    return administrationService.createStructure(ctx, input);
  }

  @Mutation(() => StructureView, { description: 'Corrects a structure of the directory; platform admins only.' })
  updateStructure(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The structure to update.' }) id: string,
    @Arg('input', () => UpdateStructureInput, { description: 'The fields to change.' }) input: UpdateStructureInput,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The version of the structure you read; CONFLICT when it changed since.',
    }) expectedVersion?: number | null,
  ): Promise<StructureView> {
    return administrationService.updateStructure(ctx, id, input, expectedVersion);
  }

  @Mutation(() => ConventionView, { description: 'Records a convention between a referring partner and a receiving structure; platform admins only.' })
  createConvention(@Ctx() ctx: RequestContext, @Arg('input', () => CreateConventionInput, { description: 'The convention: partner, receiving structure, quota and validity.' }) input: CreateConventionInput): Promise<ConventionView> {
    return administrationService.createConvention(ctx, input);
  }

  @Mutation(() => ConventionView, { description: "Changes a convention's title, quota or end; platform admins only." })
  updateConvention(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The convention to update.' }) id: string,
    @Arg('input', () => UpdateConventionInput, { description: 'The fields to change.' }) input: UpdateConventionInput,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The version of the convention you read; CONFLICT when it changed since.',
    }) expectedVersion?: number | null,
  ): Promise<ConventionView> {
    return administrationService.updateConvention(ctx, id, input, expectedVersion);
  }

  @Mutation(() => ServiceView, { description: "A structure admin for its structure; platform admins for any." })
  createService(@Ctx() ctx: RequestContext, @Arg('input', () => ServiceInput, { description: 'The service: name, capacity, needs served.' }) input: ServiceInput): Promise<ServiceView> {
    return administrationService.createService(ctx, input);
  }

  @Mutation(() => ServiceView, { description: "A structure admin for its structure; platform admins for any." })
  updateService(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The service to update.' }) id: string,
    @Arg('input', () => ServiceInput, { description: 'The service as it is to be.' }) input: ServiceInput,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The version of the service you read; CONFLICT when it changed since.',
    }) expectedVersion?: number | null,
  ): Promise<ServiceView> {
    return administrationService.updateService(ctx, id, input, expectedVersion);
  }

  @Query(() => [AccountView], { description: "The people's accounts of a structure (its admin; platform admins name it). Machine clients: machineClients." })
  accounts(@Ctx() ctx: RequestContext, @Arg('structureId', () => ID, {
    nullable: true,
    description: "The structure whose accounts to list; a structure admin's own when omitted.",
  }) structureId?: string | null): Promise<AccountView[]> {
    return administrationService.accounts(ctx, structureId);
  }

  @Query(() => AccountConnectionView, { description: "The people's accounts of a structure, by login, a page at a time: the paged form of accounts." })
  accountsConnection(
    @Ctx() ctx: RequestContext,
    @Arg('structureId', () => ID, { nullable: true, description: "The structure whose accounts to list; a structure admin's own when omitted." })
    structureId: string | null | undefined,
    @Args() page: PageArgs,
  ): Promise<Connection<AccountView>> {
    return administrationService.accountsPage(ctx, structureId, page);
  }

  @Mutation(() => AccountView, { description: "A worker role that fits the structure's kind." })
  createAccount(@Ctx() ctx: RequestContext, @Arg('input', () => CreateAccountInput, { description: 'The account: login, name, role and structure.' }) input: CreateAccountInput): Promise<AccountView> {
    return administrationService.createAccount(ctx, input);
  }

  @Mutation(() => AccountView, { description: 'Refused from its next request, whatever its token.' })
  disableAccount(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The account to disable, of your structure (any structure for platform admins).' }) id: string): Promise<AccountView> {
    return administrationService.setDisabled(ctx, id, true);
  }

  @Mutation(() => AccountView, { description: 'Lets a disabled account in again, from its next request.' })
  enableAccount(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The account to enable, of your structure (any structure for platform admins).' }) id: string): Promise<AccountView> {
    return administrationService.setDisabled(ctx, id, false);
  }

  @Mutation(() => AccountView, { description: "Ties the account to a subject of an OIDC provider (ProConnect): that provider's tokens for the subject act as the account." })
  linkExternalIdentity(
    @Ctx() ctx: RequestContext,
    @Arg('accountId', () => ID, { description: 'The account to link, of your structure (any structure for platform admins).' }) accountId: string,
    @Arg('issuer', () => String, { description: "The identity provider's issuer (the iss of its tokens)." }) issuer: string,
    @Arg('subject', () => String, { description: "The person's subject at that provider (the sub of its tokens)." }) subject: string,
  ): Promise<AccountView> {
    return administrationService.linkExternalIdentity(ctx, accountId, issuer, subject);
  }
}
