import { useAbilities } from '../../app/auth.ts';

export type AdminSectionKey = 'people' | 'labs' | 'delegations' | 'skills' | 'outbox' | 'jobs';

/** The admin sections the signed-in person may open, from their abilities. */
export function useAdminSections(): { key: AdminSectionKey }[] {
  const abilities = useAbilities();
  const sections: { key: AdminSectionKey; isAllowed: boolean | undefined }[] = [
    { key: 'people', isAllowed: abilities.manageUsers },
    { key: 'labs', isAllowed: abilities.manageDirectory },
    { key: 'delegations', isAllowed: abilities.manageDirectory },
    { key: 'skills', isAllowed: abilities.manageSkills },
    { key: 'outbox', isAllowed: abilities.readOutbox },
    { key: 'jobs', isAllowed: abilities.manageJobs },
  ];
  return sections.filter((section) => section.isAllowed).map(({ key }) => ({ key }));
}
