import type { EntityManager } from '@mikro-orm/postgresql';
import { type Ref, rawLoaderOne, refOf } from '../shared/raw-rows';
import type { PersonIdentity } from './person-identity.entity';
import type { Person } from './person.entity';

/** What the views read of a person: its id and pseudonym (an entity has them too). */
export type PersonRecord = Pick<Person, 'id' | 'pseudonym'>;

/** What the views and the writer lookup read of an identity row (an entity has it too). */
export type IdentityRecord = Pick<PersonIdentity, 'firstName' | 'lastName' | 'birthDate' | 'sex' | 'phone' | 'email' | 'version'> & {
  person: { id: string };
  writtenBy: Ref;
};

/** A person row as SQL gives it (`select id, pseudonym`: all that PersonView shows of the person row). */
export function personRecord(row: Record<string, unknown>): PersonRecord {
  return { id: String(row.id), pseudonym: String(row.pseudonym) };
}

export const IDENTITY_COLUMNS = 'person_id, written_by_id, first_name, last_name, birth_date, sex, phone, email, version';

export interface IdentityColumns {
  person_id: string;
  written_by_id: string | null;
  first_name: string;
  last_name: string;
  birth_date: string | null;
  sex: IdentityRecord['sex'];
  phone: string | null;
  email: string | null;
  version: number;
}

export function identityRecord(row: IdentityColumns): IdentityRecord {
  return {
    person: { id: row.person_id },
    writtenBy: refOf(row.written_by_id),
    firstName: row.first_name,
    lastName: row.last_name,
    birthDate: row.birth_date,
    sex: row.sex,
    phone: row.phone,
    email: row.email,
    version: row.version,
  };
}

/** Persons and identities read without entities: the persons page reads 50 of each. */
export function createPersonRowLoaders(em: EntityManager) {
  return {
    personById: rawLoaderOne<Record<string, unknown>, PersonRecord>(
      em,
      (filter) => `select id, pseudonym from person where id ${filter}`,
      (row) => String(row.id),
      personRecord,
    ),
    identityByPerson: rawLoaderOne<IdentityColumns, IdentityRecord>(
      em,
      (filter) => `select ${IDENTITY_COLUMNS} from person_identity where person_id ${filter}`,
      (row) => row.person_id,
      identityRecord,
    ),
  };
}
