import { ActionIcon, Box, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { limits } from '../../../../shared/limits.ts';
import { useStoriesT } from '../i18n.ts';
import type { StoryFormValues } from './values.ts';

/** The parts of the story form these rows use. */
type Form = Pick<
  ReturnType<typeof useForm<StoryFormValues>>,
  'getValues' | 'getInputProps' | 'insertListItem' | 'removeListItem'
>;

function Legend({ title, hint }: { title: string; hint: string }) {
  return (
    <Box component="legend" p={0} mb={6}>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Box>
  );
}

/** Researchers involved: repeatable name + email rows (no account needed). */
export function ResearchersField({ form }: { form: Form }) {
  const t = useStoriesT();
  const rows = form.getValues().researchers;
  return (
    <Box component="fieldset" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
      <Legend title={t('form.researchers')} hint={t('form.researchersHint')} />
      <Stack gap="xs">
        {rows.map((_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a controlled list
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" style={{ flex: 1 }}>
              <TextInput
                label={t('form.researcherName')}
                aria-label={`${t('form.researcherName')} ${index + 1}`}
                maxLength={limits.name}
                autoComplete="off"
                {...form.getInputProps(`researchers.${index}.name`)}
              />
              <TextInput
                label={t('form.researcherEmail')}
                aria-label={`${t('form.researcherEmail')} ${index + 1}`}
                type="email"
                maxLength={limits.email}
                autoComplete="off"
                {...form.getInputProps(`researchers.${index}.email`)}
              />
            </SimpleGrid>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={26}
              aria-label={t('form.removeResearcher', { index: index + 1 })}
              onClick={() => form.removeListItem('researchers', index)}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="sm"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => form.insertListItem('researchers', { name: '', email: '' })}
            disabled={rows.length >= limits.listItems}
          >
            {t('form.addResearcher')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}

/** Links: label + URL rows (DOI, paper, collaboration page). */
export function LinksField({ form }: { form: Form }) {
  const t = useStoriesT();
  const rows = form.getValues().links;
  return (
    <Box component="fieldset" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
      <Legend title={t('form.links')} hint={t('form.linksHint')} />
      <Stack gap="xs">
        {rows.map((_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a controlled list
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" style={{ flex: 1 }}>
              <TextInput
                label={t('form.linkLabel')}
                aria-label={`${t('form.linkLabel')} ${index + 1}`}
                maxLength={limits.shortText}
                {...form.getInputProps(`links.${index}.label`)}
              />
              <TextInput
                label={t('form.linkUrl')}
                aria-label={`${t('form.linkUrl')} ${index + 1}`}
                type="url"
                placeholder="https://"
                maxLength={limits.url}
                {...form.getInputProps(`links.${index}.url`)}
              />
            </SimpleGrid>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={26}
              aria-label={t('form.removeLink', { index: index + 1 })}
              onClick={() => form.removeListItem('links', index)}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="sm"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => form.insertListItem('links', { label: '', url: '' })}
            disabled={rows.length >= 20}
          >
            {t('form.addLink')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}
