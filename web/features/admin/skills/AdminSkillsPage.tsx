import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { limits } from '../../../../shared/limits.ts';
import { useAbilities } from '../../../app/auth.ts';
import { notifyError, notifySaved, showFormError } from '../../../app/errors.ts';
import { localized } from '../../../app/format.ts';
import { currentLocale } from '../../../app/i18n.ts';
import type { Skill } from '../../../app/types.ts';
import { ConfirmModal } from '../../../shared/ConfirmButton.tsx';
import { EmptyState, ErrorState, TableSkeleton } from '../../../shared/States.tsx';
import { useDeleteSkill, useSaveSkill, useSkills } from '../../skills/api.ts';
import { isSkillCategory, skillCategories } from '../../skills/categories.ts';
import { SectionHeader } from '../Toolbar.tsx';

function SkillForm({ skill, onDone }: { skill: Skill | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSkill(skill?.id ?? null);
  const form = useForm({
    initialValues: {
      nameFr: skill?.name.fr ?? '',
      nameEn: skill?.name.en ?? '',
      category: skill?.category ?? '',
    },
    validate: {
      nameFr: (value) => (value.trim() ? null : t('fieldErrors.required')),
      nameEn: (value) => (value.trim() ? null : t('fieldErrors.required')),
      category: (value) => (value ? null : t('fieldErrors.required')),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (values) => {
        try {
          await save.mutateAsync({
            nameFr: values.nameFr.trim(),
            nameEn: values.nameEn.trim(),
            category: values.category,
          });
          notifySaved(t);
          onDone();
        } catch (error) {
          showFormError(t, form, error, { knownFields: ['nameFr', 'nameEn', 'category'] });
        }
      })}
    >
      <Stack>
        <TextInput
          label={t('admin.skills.nameFr')}
          required
          maxLength={limits.name}
          lang="fr"
          data-autofocus
          {...form.getInputProps('nameFr')}
        />
        <TextInput
          label={t('admin.skills.nameEn')}
          required
          maxLength={limits.name}
          lang="en"
          {...form.getInputProps('nameEn')}
        />
        <Select
          label={t('admin.skills.category')}
          required
          data={skillCategories.map((category) => ({
            value: category,
            label: t(`skillCategories.${category}`),
          }))}
          {...form.getInputProps('category')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {skill ? t('common.save') : t('admin.skills.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function AdminSkillsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const abilities = useAbilities();
  const skills = useSkills();
  const remove = useDeleteSkill();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [editing, setEditing] = useState<Skill | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Skill | null>(null);

  const needle = q.trim().toLowerCase();
  const items = (skills.data?.items ?? [])
    .filter((skill) => !category || skill.category === category)
    .filter((skill) => !needle || `${skill.name.fr} ${skill.name.en}`.toLowerCase().includes(needle))
    .sort(
      (a, b) =>
        skillCategories.indexOf(isSkillCategory(a.category) ? a.category : 'other') -
          skillCategories.indexOf(isSkillCategory(b.category) ? b.category : 'other') ||
        localized(a.name, locale).localeCompare(localized(b.name, locale), locale),
    );

  return (
    <>
      <SectionHeader
        title={t('admin.tabs.skills')}
        action={
          abilities.manageSkills && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
              {t('admin.skills.add')}
            </Button>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={640} mb="md">
        <TextInput
          label={t('admin.skills.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
        />
        <Select
          label={t('admin.skills.category')}
          placeholder={t('admin.skills.allCategories')}
          data={skillCategories.map((value) => ({ value, label: t(`skillCategories.${value}`) }))}
          value={category}
          onChange={setCategory}
          clearable
        />
      </SimpleGrid>
      {skills.isError ? (
        <ErrorState error={skills.error} onRetry={() => void skills.refetch()} />
      ) : skills.isPending ? (
        <TableSkeleton rows={10} />
      ) : items.length === 0 ? (
        <EmptyState title={t('admin.skills.empty')} />
      ) : (
        <Card p={0} style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.skills.nameFr')}</Table.Th>
                  <Table.Th scope="col">{t('admin.skills.nameEn')}</Table.Th>
                  <Table.Th scope="col">{t('admin.skills.category')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('admin.skills.people')}
                  </Table.Th>
                  <Table.Th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((skill) => (
                  <Table.Tr key={skill.id}>
                    <Table.Td lang="fr">
                      <Anchor component={Link} to={`/skills?skill=${skill.slug}`} size="sm" fw={600}>
                        {skill.name.fr}
                      </Anchor>
                    </Table.Td>
                    <Table.Td lang="en">
                      <Text size="sm">{skill.name.en}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="gray">
                        {isSkillCategory(skill.category)
                          ? t(`skillCategories.${skill.category}`)
                          : skill.category}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{skill.peopleCount}</Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {skill.abilities.update && (
                          <Tooltip label={t('common.edit')}>
                            <ActionIcon
                              variant="subtle"
                              color="dark"
                              aria-label={t('admin.skills.editNamed', {
                                name: localized(skill.name, locale),
                              })}
                              onClick={() => setEditing(skill)}
                            >
                              <IconPencil size={18} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        )}
                        {skill.abilities.delete && (
                          <Tooltip label={t('common.delete')}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('admin.skills.deleteNamed', {
                                name: localized(skill.name, locale),
                              })}
                              onClick={() => setDeleting(skill)}
                            >
                              <IconTrash size={18} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing === 'new'
            ? t('admin.skills.add')
            : t('admin.skills.editNamed', { name: editing ? localized(editing.name, locale) : '' })
        }
        centered
      >
        {editing !== null && (
          <SkillForm
            key={editing === 'new' ? 'new' : editing.id}
            skill={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>

      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('admin.skills.deleteNamed', { name: deleting ? localized(deleting.name, locale) : '' })}
        message={t('admin.skills.deleteMessage', { count: deleting?.peopleCount ?? 0 })}
        confirmLabel={t('common.delete')}
        onConfirm={() =>
          remove.mutateAsync(deleting?.id ?? '').then(
            () => notifySaved(t, t('admin.skills.deleted')),
            (error: unknown) => {
              notifyError(t, error);
              throw error;
            },
          )
        }
      />
    </>
  );
}
