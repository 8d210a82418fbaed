import type { Db } from '../../db/connection.ts';

export type LabRef = { id: string; acronym: string; name: string; delegationId: string };
export type DelegationRef = { id: string; code: string; name: string };
export type DirectoryRefs = { labs: Map<string, LabRef>; delegations: Map<string, DelegationRef> };

/** Loads the labs and delegations a page of objects points to, in at most two queries. */
export async function loadDirectoryRefs(
  db: Db,
  ids: { labIds: Iterable<string | null>; delegationIds?: Iterable<string | null> },
): Promise<DirectoryRefs> {
  const labIds = [...new Set([...ids.labIds].filter((id): id is string => Boolean(id)))];
  const labs = new Map<string, LabRef>();
  if (labIds.length > 0) {
    const rows = await db
      .selectFrom('labs')
      .select(['id', 'acronym', 'name', 'delegation_id'])
      .where('id', 'in', labIds)
      .execute();
    for (const row of rows)
      labs.set(row.id, { id: row.id, acronym: row.acronym, name: row.name, delegationId: row.delegation_id });
  }
  const delegationIds = [
    ...new Set(
      [...(ids.delegationIds ?? []), ...[...labs.values()].map((lab) => lab.delegationId)].filter(
        (id): id is string => Boolean(id),
      ),
    ),
  ];
  const delegations = new Map<string, DelegationRef>();
  if (delegationIds.length > 0) {
    const rows = await db
      .selectFrom('delegations')
      .select(['id', 'code', 'name'])
      .where('id', 'in', delegationIds)
      .execute();
    for (const row of rows) delegations.set(row.id, row);
  }
  return { labs, delegations };
}
