/**
 * What PostGraphile (the peer of `npm run bench:peer`) is asked, and the few database objects
 * its plans need, created in the peer's setup only (Passerelle never asks for them).
 *
 * The peer serves the public schema as it is with the amber preset and its index behaviours on:
 * it offers to order and filter by a column only when an index holds that column, and to follow
 * a relation backwards only when an index starts with its key. So every order below is an
 * indexed one, and each index the peer needs for it is created here, named `peer_*`:
 *
 * - peer_person_spip_page_index (spip_id, created_at, id): a SPIP's persons in registration
 *   order are a range of this index, read up to the page's size, as Passerelle's page reads a
 *   range of mandate_structure_page_index. With `--peer-order pk` the peer orders by its primary
 *   key instead (ROW_ID_ASC, the order a PostGraphile user pages by when nothing else is
 *   indexed): the rows of the SPIP are then found through person_spip_id_index or the
 *   primary key, as PostgreSQL prefers.
 * - peer_referral_received_index (to_structure_id, created_at, id): the referrals a structure
 *   received, newest first, a range of this index.
 *
 * No policy in the peer: no mandate, no field or record rule, no read audit. It answers the
 * same questions as Passerelle's documents (scripts/soak.ts for the mix) over the same tables:
 *
 * - persons: the first 20 persons of the SPIP with their count, names, referrals and their
 *   receivers' names (Passerelle: the persons under the structure's mandate).
 * - caseload: a SQL function (the way PostGraphile serves a list its tables cannot order:
 *   "custom queries"), peer_caseload: the persons under the structure's full or pending
 *   mandate, those released before today after the others, then by expected release date, with
 *   the flags Passerelle raises, computed in the same statement for the page's persons only.
 * - person: one person with the last name, case notes (in primary-key order: case_note.created_at
 *   is in no index) and the first ten entries of the timeline view, newest first.
 * - referrals: the referrals the structure received and sent, newest first, as many as
 *   Passerelle shows the same account (`first`, given at run time): without a policy the peer
 *   would list every referral ever received, several times what Passerelle shows once
 *   retention has hidden the old ones, and its answer would cost it more for that alone.
 * - outcomes: the published years and the published cells of the grouping asked.
 * - write: a case note, created by PostGraphile's create mutation with the columns Passerelle
 *   writes (person, domain, author structure and account, text).
 */

/** Created before the peer starts (it introspects them); dropped with the scratch database. */
export const PEER_SETUP_SQL: readonly string[] = [
  `create index if not exists peer_person_spip_page_index on person (spip_id, created_at, id)`,
  `create index if not exists peer_referral_received_index on referral (to_structure_id, created_at, id)`,
  `create type peer_caseload_entry as (person_id uuid, pseudonym text, flags text[])`,
  // The page first (its size is an argument, so that the limit is applied before any flag is
  // computed), then the facts of its persons, as Passerelle's caseload statement does.
  `create function peer_caseload(structure uuid, page_size int) returns setof peer_caseload_entry
   language sql stable as $$
     with page as (
       select p.id, p.pseudonym, m.state, j.expected_release_date,
              coalesce(j.expected_release_date < current_date, false) as released_before,
              coalesce(j.expected_release_date, date '9999-12-31') as sort_date
       from mandate m
       join person p on p.id = m.person_id
       left join person_judicial j on j.person_id = p.id
       where m.structure_id = structure and m.state in ('FULL', 'PENDING')
       order by released_before, sort_date, p.id
       limit page_size
     )
     select page.id, page.pseudonym, array_remove(array[
       case when page.expected_release_date between current_date and current_date + 30
             and not exists (select 1 from placement pl where pl.person_id = page.id and pl.end_date is null)
             and coalesce(h.status, 'NONE') in ('NONE', 'UNKNOWN')
            then 'RELEASE_SOON_WITHOUT_HOUSING' end,
       case when exists (select 1 from right_step rs where rs.person_id = page.id and rs.status = 'TO_DO')
            then 'RIGHTS_TO_SUBMIT' end,
       case when exists (select 1 from referral r where r.person_id = page.id and r.to_structure_id = structure and r.status = 'PENDING')
            then 'REFERRAL_AWAITING_DECISION' end,
       case when page.state = 'FULL' and not exists (
              select 1 from appointment a where a.person_id = page.id and a.structure_id = structure
                and a.status = 'SCHEDULED' and a.scheduled_at >= now())
            then 'NO_APPOINTMENT_SCHEDULED' end
     ], null)
     from page left join person_housing h on h.person_id = page.id
     order by page.released_before, page.sort_date, page.id
   $$`,
];

/** The persons page of `npm run bench:peer`: 50 persons of a SPIP, names, referrals and receivers. */
const pageDocument = (orderBy: string) => `query PersonsPage($first: Int!, $spip: UUID!) {
  allPeople(first: $first, condition: { spipId: $spip }, orderBy: [${orderBy}]) { edges { node {
    rowId pseudonym personIdentityByPersonId { firstName lastName }
    referralsByPersonId(orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) { nodes { rowId status structureByToStructureId { name } } } } } } }`;

/** Registration order, through peer_person_spip_page_index (the default). */
export const PEER_PAGE = pageDocument('CREATED_AT_ASC, ROW_ID_ASC');
/** Primary-key order (`--peer-order pk`). */
export const PEER_PAGE_BY_PRIMARY_KEY = pageDocument('ROW_ID_ASC');

/** The six operations of `npm run soak`, for the peer. Variables are given at run time. */
export const PEER_MIX = {
  persons: `query Persons($spip: UUID!) {
  allPeople(first: 20, condition: { spipId: $spip }, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) { totalCount edges { cursor node {
    rowId pseudonym personIdentityByPersonId { firstName lastName }
    referralsByPersonId(orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) { nodes { rowId status structureByToStructureId { name } } } } } } }`,
  caseload: `query Caseload($structure: UUID!) {
  peerCaseload(structure: $structure, pageSize: 50) { nodes { personId pseudonym flags } } }`,
  person: `query Person($id: UUID!) {
  personByRowId(rowId: $id) { rowId pseudonym personIdentityByPersonId { lastName } caseNotesByPersonId { nodes { rowId text } } }
  allTimelineEntries(condition: { personId: $id }, orderBy: [AT_DESC, ROW_ID_DESC], first: 10) { edges { node { rowId } } } }`,
  referrals: `query Referrals($structure: UUID!, $received: Int!, $sent: Int!) {
  received: allReferrals(condition: { toStructureId: $structure }, orderBy: [CREATED_AT_DESC, ROW_ID_DESC], first: $received) {
    nodes { rowId status personByPersonId { rowId pseudonym } } }
  sent: allReferrals(condition: { fromStructureId: $structure }, orderBy: [CREATED_AT_DESC, ROW_ID_DESC], first: $sent) {
    nodes { rowId status personByPersonId { rowId pseudonym } } } }`,
  outcomes: `query Outcomes($grouping: Int!) {
  allOutcomePublications { nodes { year publishedAt } }
  allOutcomePublishedCells(condition: { grouping: $grouping }) { nodes { year departement persons housedAtRelease rightsOpened inCare employed } } }`,
  write: `mutation Note($input: CreateCaseNoteInput!) { createCaseNote(input: $input) { caseNote { rowId } } }`,
} as const;
