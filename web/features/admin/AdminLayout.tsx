import { Group, ScrollArea } from '@mantine/core';
import {
  IconBuildingCommunity,
  IconBulb,
  IconClockPlay,
  IconMail,
  IconMap2,
  IconUsers,
} from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useAbilities } from '../../app/auth.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { EmptyState, TableSkeleton } from '../../shared/States.tsx';
import classes from './admin.module.css';
import { useAdminSections } from './sections.ts';

const icons = {
  people: IconUsers,
  labs: IconBuildingCommunity,
  delegations: IconMap2,
  skills: IconBulb,
  outbox: IconMail,
  jobs: IconClockPlay,
} as const;

export default function AdminLayout() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  const sections = useAdminSections();
  const hasAny = sections.length > 0 || abilities.manageUsers;
  // A section opened by its address without the right to it: say so rather than fail to load.
  const current = useLocation().pathname.split('/')[2];
  const isForbiddenSection =
    current !== undefined && current in icons && !sections.some((section) => section.key === current);

  return (
    <>
      <PageHeader title={t('admin.title')} description={t('admin.description')} />
      {!hasAny ? (
        <EmptyState title={t('admin.forbiddenTitle')} description={t('admin.forbiddenText')} />
      ) : (
        <>
          <ScrollArea type="never" mb="xl">
            <Group
              component="nav"
              aria-label={t('admin.sections')}
              gap={4}
              wrap="nowrap"
              className={classes.tabs}
            >
              {sections.map((section) => {
                const Icon = icons[section.key];
                return (
                  <NavLink key={section.key} to={`/admin/${section.key}`} className={classes.tab}>
                    <Icon size={16} aria-hidden />
                    {t(`admin.tabs.${section.key}`)}
                  </NavLink>
                );
              })}
            </Group>
          </ScrollArea>
          {isForbiddenSection ? (
            <EmptyState title={t('admin.forbiddenTitle')} description={t('admin.forbiddenText')} />
          ) : (
            <Suspense fallback={<TableSkeleton rows={8} />}>
              <Outlet />
            </Suspense>
          )}
        </>
      )}
    </>
  );
}
