import type { RoleName } from '../../shared/roles.ts';
import type { Db } from '../db/connection.ts';
import { nameKeysFor } from '../features/people/actions.ts';
import { hashPassword } from '../lib/passwords.ts';
import { newId } from '../lib/tokens.ts';
import type { TestApp } from './helpers.ts';

/** Factories write straight to the database with sensible defaults; tests override what matters. */
let counter = 0;
const next = () => ++counter;
const hashes = new Map<string, Promise<string>>();
export const defaultPassword = 'correct horse battery';
const at = '2026-11-01T08:00:00.000Z';

function cachedHash(password: string) {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

export async function createDelegation(db: Db, overrides: Partial<{ code: string; name: string }> = {}) {
  const n = next();
  const row = {
    id: newId(),
    code: overrides.code ?? `DR${n}`,
    name: overrides.name ?? `Délégation ${n}`,
    city: 'Lyon',
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('delegations').values(row).execute();
  return row;
}

export async function createLab(
  db: Db,
  overrides: Partial<{ acronym: string; name: string; delegationId: string; themes: string[] }> = {},
) {
  const n = next();
  const delegationId = overrides.delegationId ?? (await createDelegation(db)).id;
  const row = {
    id: newId(),
    acronym: overrides.acronym ?? `LAB${n}`,
    name: overrides.name ?? `Laboratoire ${n}`,
    kind: 'lab' as const,
    city: 'Lyon',
    site: '',
    region: 'Auvergne-Rhône-Alpes',
    delegation_id: delegationId,
    partners: JSON.stringify(['CNRS']),
    themes: JSON.stringify(overrides.themes ?? ['Neutrinos']),
    website: '',
    logo_path: null,
    latitude: 45.76,
    longitude: 4.84,
    created_at: at,
    updated_at: at,
    deleted_at: null,
  };
  await db.insertInto('labs').values(row).execute();
  return { ...row, delegationId };
}

export type RoleSpec = { role: RoleName; labId?: string; delegationId?: string };

export async function createPerson(
  db: Db,
  overrides: Partial<{
    email: string;
    firstName: string;
    lastName: string;
    labId: string | null;
    roles: RoleSpec[];
    password: string | null;
    status: 'none' | 'invited' | 'active' | 'disabled';
    skillIds: string[];
    phone: string | null;
  }> = {},
) {
  const n = next();
  const password = overrides.password === undefined ? defaultPassword : overrides.password;
  const row = {
    email: overrides.email ?? `person${n}@lab.example`,
    first_name: overrides.firstName ?? `Prénom${n}`,
    last_name: overrides.lastName ?? `Nom${n}`,
    job_title: 'Ingénieure',
  };
  const id = newId();
  await db
    .insertInto('people')
    .values({
      id,
      ...row,
      ...nameKeysFor(row),
      lab_id: overrides.labId ?? null,
      languages: JSON.stringify(['fr']),
      is_media_trained: false,
      phone: overrides.phone === undefined ? '+33 1 23 45 67 89' : overrides.phone,
      photo_path: null,
      locale: 'fr',
      password_hash: password ? await cachedHash(password) : null,
      account_status: overrides.status ?? (password ? 'active' : 'none'),
      last_login_at: null,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })
    .execute();
  for (const grant of overrides.roles ?? []) {
    await db
      .insertInto('role_assignments')
      .values({
        id: newId(),
        person_id: id,
        role: grant.role,
        lab_id: grant.labId ?? null,
        delegation_id: grant.delegationId ?? null,
        created_at: at,
      })
      .execute();
  }
  for (const skillId of overrides.skillIds ?? []) {
    await db.insertInto('person_skills').values({ person_id: id, skill_id: skillId }).execute();
  }
  return { id, ...row, password };
}

export async function createSkill(
  db: Db,
  overrides: Partial<{ slug: string; nameFr: string; nameEn: string }> = {},
) {
  const n = next();
  const row = {
    id: newId(),
    slug: overrides.slug ?? `skill-${n}`,
    name_fr: overrides.nameFr ?? `Compétence ${n}`,
    name_en: overrides.nameEn ?? `Skill ${n}`,
    category: 'media',
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('skills').values(row).execute();
  return row;
}

/** Signs in through the API and returns the headers to act as that person. */
export async function signInAs(t: TestApp, person: { email: string; password: string | null }) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { email: person.email, password: person.password },
  });
  if (response.statusCode !== 200) throw new Error(`sign in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'relais_session');
  return { cookie: `relais_session=${cookie!.value}` };
}

/** A typical network: two delegations, a lab in each, and one person per role. */
export async function createNetwork(t: TestApp) {
  const delegation = await createDelegation(t.db);
  const otherDelegation = await createDelegation(t.db);
  const lab = await createLab(t.db, { delegationId: delegation.id });
  const otherLab = await createLab(t.db, { delegationId: otherDelegation.id });
  const people = {
    admin: await createPerson(t.db, { roles: [{ role: 'admin' }] }),
    cell: await createPerson(t.db, { roles: [{ role: 'cell' }] }),
    dircom: await createPerson(t.db, { roles: [{ role: 'dircom' }] }),
    drOfficer: await createPerson(t.db, { roles: [{ role: 'dr_officer', delegationId: delegation.id }] }),
    correspondent: await createPerson(t.db, {
      labId: lab.id,
      roles: [{ role: 'correspondent', labId: lab.id }],
    }),
    otherCorrespondent: await createPerson(t.db, {
      labId: otherLab.id,
      roles: [{ role: 'correspondent', labId: otherLab.id }],
    }),
    contributor: await createPerson(t.db, { labId: lab.id, roles: [{ role: 'contributor', labId: lab.id }] }),
  };
  return { delegation, otherDelegation, lab, otherLab, people };
}
