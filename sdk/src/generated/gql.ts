/* eslint-disable */
import * as types from './graphql';
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query MyCaseload($first: Int, $after: String) {\n  myCaseload(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        mandate\n        expectedReleaseDate\n        person {\n          id\n          pseudonym\n        }\n        pendingReferrals {\n          id\n          status\n        }\n      }\n    }\n  }\n}\n\nquery PersonById($id: ID!) {\n  person(id: $id) {\n    id\n    pseudonym\n    mandate\n    identity {\n      firstName\n      lastName\n      birthDate\n    }\n    referrals {\n      id\n      status\n      needs\n      createdAt\n    }\n  }\n}\n\nquery ReferralById($id: ID!) {\n  referral(id: $id) {\n    id\n    status\n    needs\n    version\n    createdAt\n  }\n}\n\nmutation ReferPerson($input: ReferPersonInput!) {\n  referPerson(input: $input) {\n    id\n    status\n    version\n  }\n}\n\nmutation AcceptReferral($id: ID!, $expectedVersion: Int) {\n  acceptReferral(id: $id, expectedVersion: $expectedVersion) {\n    id\n    status\n    version\n  }\n}\n\nmutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n  createWebhookSubscription(input: $input) {\n    subscription {\n      id\n      url\n      eventTypes\n      active\n    }\n    secret\n  }\n}\n\nquery WebhookDeliveries($subscriptionId: ID!, $first: Int, $after: String) {\n  webhookDeliveries(subscriptionId: $subscriptionId, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        eventId\n        eventType\n        status\n        attempts\n        lastStatusCode\n        deliveredAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.MyCaseloadDocument,
};
const documents: Documents = {
    "query MyCaseload($first: Int, $after: String) {\n  myCaseload(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        mandate\n        expectedReleaseDate\n        person {\n          id\n          pseudonym\n        }\n        pendingReferrals {\n          id\n          status\n        }\n      }\n    }\n  }\n}\n\nquery PersonById($id: ID!) {\n  person(id: $id) {\n    id\n    pseudonym\n    mandate\n    identity {\n      firstName\n      lastName\n      birthDate\n    }\n    referrals {\n      id\n      status\n      needs\n      createdAt\n    }\n  }\n}\n\nquery ReferralById($id: ID!) {\n  referral(id: $id) {\n    id\n    status\n    needs\n    version\n    createdAt\n  }\n}\n\nmutation ReferPerson($input: ReferPersonInput!) {\n  referPerson(input: $input) {\n    id\n    status\n    version\n  }\n}\n\nmutation AcceptReferral($id: ID!, $expectedVersion: Int) {\n  acceptReferral(id: $id, expectedVersion: $expectedVersion) {\n    id\n    status\n    version\n  }\n}\n\nmutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n  createWebhookSubscription(input: $input) {\n    subscription {\n      id\n      url\n      eventTypes\n      active\n    }\n    secret\n  }\n}\n\nquery WebhookDeliveries($subscriptionId: ID!, $first: Int, $after: String) {\n  webhookDeliveries(subscriptionId: $subscriptionId, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        eventId\n        eventType\n        status\n        attempts\n        lastStatusCode\n        deliveredAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.MyCaseloadDocument,
};

/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = gql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function gql(source: string): unknown;

/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query MyCaseload($first: Int, $after: String) {\n  myCaseload(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        mandate\n        expectedReleaseDate\n        person {\n          id\n          pseudonym\n        }\n        pendingReferrals {\n          id\n          status\n        }\n      }\n    }\n  }\n}\n\nquery PersonById($id: ID!) {\n  person(id: $id) {\n    id\n    pseudonym\n    mandate\n    identity {\n      firstName\n      lastName\n      birthDate\n    }\n    referrals {\n      id\n      status\n      needs\n      createdAt\n    }\n  }\n}\n\nquery ReferralById($id: ID!) {\n  referral(id: $id) {\n    id\n    status\n    needs\n    version\n    createdAt\n  }\n}\n\nmutation ReferPerson($input: ReferPersonInput!) {\n  referPerson(input: $input) {\n    id\n    status\n    version\n  }\n}\n\nmutation AcceptReferral($id: ID!, $expectedVersion: Int) {\n  acceptReferral(id: $id, expectedVersion: $expectedVersion) {\n    id\n    status\n    version\n  }\n}\n\nmutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n  createWebhookSubscription(input: $input) {\n    subscription {\n      id\n      url\n      eventTypes\n      active\n    }\n    secret\n  }\n}\n\nquery WebhookDeliveries($subscriptionId: ID!, $first: Int, $after: String) {\n  webhookDeliveries(subscriptionId: $subscriptionId, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        eventId\n        eventType\n        status\n        attempts\n        lastStatusCode\n        deliveredAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query MyCaseload($first: Int, $after: String) {\n  myCaseload(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        mandate\n        expectedReleaseDate\n        person {\n          id\n          pseudonym\n        }\n        pendingReferrals {\n          id\n          status\n        }\n      }\n    }\n  }\n}\n\nquery PersonById($id: ID!) {\n  person(id: $id) {\n    id\n    pseudonym\n    mandate\n    identity {\n      firstName\n      lastName\n      birthDate\n    }\n    referrals {\n      id\n      status\n      needs\n      createdAt\n    }\n  }\n}\n\nquery ReferralById($id: ID!) {\n  referral(id: $id) {\n    id\n    status\n    needs\n    version\n    createdAt\n  }\n}\n\nmutation ReferPerson($input: ReferPersonInput!) {\n  referPerson(input: $input) {\n    id\n    status\n    version\n  }\n}\n\nmutation AcceptReferral($id: ID!, $expectedVersion: Int) {\n  acceptReferral(id: $id, expectedVersion: $expectedVersion) {\n    id\n    status\n    version\n  }\n}\n\nmutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n  createWebhookSubscription(input: $input) {\n    subscription {\n      id\n      url\n      eventTypes\n      active\n    }\n    secret\n  }\n}\n\nquery WebhookDeliveries($subscriptionId: ID!, $first: Int, $after: String) {\n  webhookDeliveries(subscriptionId: $subscriptionId, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        eventId\n        eventType\n        status\n        attempts\n        lastStatusCode\n        deliveredAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];

export function gql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;