import { Group, ScrollArea } from '@mantine/core';
import { IconBan, IconMailForward, IconUsersGroup } from '@tabler/icons-react';
import { NavLink } from 'react-router';
import { useNewsletterSection } from '../newsletters/nav.ts';
import classes from './campaigns.module.css';
import { useCampaignsT } from './i18n.ts';

/** The three rooms of "Diffusion": campaigns, mailing lists, the suppression list. */
export function SendingNav() {
  const t = useCampaignsT();
  const sections = [
    { to: '/campaigns', end: true, label: t('sections.campaigns'), icon: IconMailForward },
    useNewsletterSection(),
    { to: '/campaigns/lists', end: false, label: t('sections.lists'), icon: IconUsersGroup },
    { to: '/campaigns/suppressions', end: false, label: t('sections.suppressions'), icon: IconBan },
  ];
  return (
    <ScrollArea type="never" mb="lg">
      <Group component="nav" aria-label={t('sections.label')} gap={4} wrap="nowrap" className={classes.tabs}>
        {sections.map((section) => (
          <NavLink key={section.to} to={section.to} end={section.end} className={classes.tab}>
            <section.icon size={16} aria-hidden />
            {section.label}
          </NavLink>
        ))}
      </Group>
    </ScrollArea>
  );
}
