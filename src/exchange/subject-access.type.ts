import type { DataDomain, StructureKind, SubjectAccessRecordQuery } from './generated/subject-access';

/** The person as the asking structure reads it through the API (subject-access.graphql). */
export type SubjectAccessPerson = NonNullable<SubjectAccessRecordQuery['person']>;

/** One structure that accessed the record: its name and kind, never an account or a worker. */
export interface SubjectAccessVisitor {
  structure: { name: string; kind: StructureKind };
  count: number;
  firstAt: string;
  lastAt: string;
  /** Calendar days in France (Europe/Paris), `YYYY-MM-DD`, with the number of accesses that day. */
  days: { date: string; count: number }[];
}

/** The answer to a person's access request (GDPR article 15), as one structure may give it. */
export interface SubjectAccessExport {
  /** The shape of this document, for programs that read it. */
  format: 'passerelle.subject-access.v1';
  exportedAt: string;
  /** The structure answering, whose mandate bounds everything below. */
  exportedBy: { name: string; kind: StructureKind };
  /** Domains the structure may not read: absent from this export, not empty. */
  hiddenDomains: DataDomain[];
  person: SubjectAccessPerson;
  /** The structures that accessed the record, as the exporting structure may know them. */
  accesses: SubjectAccessVisitor[];
}

export type SubjectAccessFormat = 'json' | 'pdf';
