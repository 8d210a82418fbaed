import type { RoleName } from '../../../shared/roles.ts';
import type { Db, Dialect } from '../../db/connection.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { newId } from '../../lib/tokens.ts';
import { nameKeysFor } from '../people/actions.ts';
import { ensureDefaultChannels } from '../stories/default-channels.ts';
import { demoAccounts, demoPeople } from './data/people.ts';
import { demoSkills } from './data/skills.ts';
import { demoDelegations, demoUnits } from './data/units.ts';
import { seedDemoAudiences } from './seed-audiences.ts';
import { seedDemoNewsletter } from './seed-newsletter.ts';
import { seedDemoRequests } from './seed-requests.ts';
import { seedDemoStories } from './seed-stories.ts';

/** Every demo account signs in with this password (shown on the sign-in page in demo mode). */
export const demoPassword = 'relais-demo-2026';

/**
 * Seeds the demo network into an empty database, in one transaction. Idempotent: does nothing
 * when the directory already has a delegation. Returns whether it seeded.
 */
export async function seedDemoNetwork(
  db: Db,
  now: Date,
  options: { dialect: Dialect; dataDir: string },
): Promise<boolean> {
  const existing = await db.selectFrom('delegations').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const at = now.toISOString();
  const passwordHash = await hashPassword(demoPassword);
  const delegationIds = new Map<string, string>();
  const labIds = new Map<string, string>();
  const personIds = new Map<string, string>();
  await db.transaction().execute(async (trx) => {
    for (const delegation of demoDelegations) {
      const id = newId();
      delegationIds.set(delegation.code, id);
      await trx
        .insertInto('delegations')
        .values({
          id,
          code: delegation.code,
          name: delegation.name,
          city: delegation.city,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    for (const unit of demoUnits) {
      const id = newId();
      labIds.set(unit.acronym, id);
      const delegationId = delegationIds.get(unit.delegationCode);
      if (!delegationId)
        throw new Error(`Demo unit ${unit.acronym} names unknown delegation ${unit.delegationCode}`);
      await trx
        .insertInto('labs')
        .values({
          id,
          acronym: unit.acronym,
          name: unit.name,
          kind: unit.kind,
          city: unit.city,
          site: unit.site,
          region: unit.region,
          delegation_id: delegationId,
          partners: JSON.stringify(unit.partners),
          themes: JSON.stringify(unit.themes),
          website: unit.website,
          logo_path: null,
          latitude: unit.lat,
          longitude: unit.lon,
          created_at: at,
          updated_at: at,
          deleted_at: null,
        })
        .execute();
    }
    const regional = demoDelegations
      .filter((delegation) => demoUnits.some((unit) => unit.delegationCode === delegation.code))
      .map((delegation) => ({
        id: delegationIds.get(delegation.code)!,
        code: delegation.code,
        name: delegation.name,
      }));
    await ensureDefaultChannels(trx, at, regional);
    const skillIds = new Map<string, string>();
    for (const skill of demoSkills) {
      const id = newId();
      skillIds.set(skill.slug, id);
      await trx
        .insertInto('skills')
        .values({
          id,
          slug: skill.slug,
          name_fr: skill.fr,
          name_en: skill.en,
          category: skill.category,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    for (const demo of demoPeople) {
      const id = newId();
      personIds.set(demo.key, id);
      const row = {
        email: demo.email,
        first_name: demo.firstName,
        last_name: demo.lastName,
        job_title: demo.jobTitle,
      };
      await trx
        .insertInto('people')
        .values({
          id,
          ...row,
          ...nameKeysFor(row),
          lab_id: demo.labAcronym ? (labIds.get(demo.labAcronym) ?? null) : null,
          languages: JSON.stringify(demo.languages),
          is_media_trained: demo.isMediaTrained,
          phone: demo.phone,
          photo_path: null,
          locale: 'fr',
          password_hash: passwordHash,
          account_status: 'active',
          last_login_at: null,
          created_at: at,
          updated_at: at,
          deleted_at: null,
        })
        .execute();
      for (const grant of demo.roles) {
        await trx
          .insertInto('role_assignments')
          .values({
            id: newId(),
            person_id: id,
            role: grant.role as RoleName,
            lab_id:
              grant.role === 'contributor' || grant.role === 'correspondent'
                ? (labIds.get(grant.scope ?? '') ?? null)
                : null,
            delegation_id:
              grant.role === 'dr_officer' ? (delegationIds.get(grant.scope ?? '') ?? null) : null,
            created_at: at,
          })
          .execute();
      }
      const skills = demo.skills
        .map((slug) => skillIds.get(slug))
        .filter((skillId): skillId is string => Boolean(skillId));
      if (skills.length > 0) {
        await trx
          .insertInto('person_skills')
          .values(skills.map((skillId) => ({ person_id: id, skill_id: skillId })))
          .execute();
      }
    }
    await seedDemoStories(trx, {
      now,
      ...options,
      ids: { labs: labIds, delegations: delegationIds, people: personIds },
    });
    await seedDemoRequests(trx, {
      now,
      dialect: options.dialect,
      ids: { labs: labIds, delegations: delegationIds, people: personIds },
    });
    await seedDemoAudiences(trx, { now });
    await seedDemoNewsletter(trx, { now, dataDir: options.dataDir });
  });
  return true;
}

/** The one-click accounts of the sign-in page. */
export async function listDemoAccounts(db: Db) {
  const keys = new Map(demoAccounts.map((account) => [account.key, account.label]));
  const emails = demoPeople.filter((person) => keys.has(person.key)).map((person) => person.email);
  if (emails.length === 0) return [];
  const rows = await db
    .selectFrom('people')
    .leftJoin('labs', 'labs.id', 'people.lab_id')
    .select(['people.id', 'people.email', 'people.first_name', 'people.last_name', 'labs.acronym'])
    .where('people.email', 'in', emails)
    .where('people.account_status', '=', 'active')
    .execute();
  const roleRows = await db
    .selectFrom('role_assignments')
    .select(['person_id', 'role'])
    .where(
      'person_id',
      'in',
      rows.map((row) => row.id),
    )
    .execute();
  return demoAccounts.flatMap((account) => {
    const demo = demoPeople.find((person) => person.key === account.key);
    const row = rows.find((candidate) => candidate.email === demo?.email);
    if (!row) return [];
    return [
      {
        email: row.email,
        password: demoPassword,
        name: `${row.first_name} ${row.last_name}`,
        roles: roleRows.filter((role) => role.person_id === row.id).map((role) => role.role),
        lab: row.acronym,
        label: account.label,
      },
    ];
  });
}
