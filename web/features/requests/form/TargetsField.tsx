import { Group, MultiSelect, Radio, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type RequestTargetMode, requestTargetModes } from '../../../../shared/requests.ts';
import { useDelegations, useLabs } from '../../labs/api.ts';
import { useRequestsT } from '../i18n.ts';
import { PeoplePicker } from './PersonPicker.tsx';

export type TargetsValue = {
  targetMode: RequestTargetMode;
  delegationId: string;
  labIds: string[];
  personIds: string[];
};

export const emptyTargets: TargetsValue = { targetMode: 'labs', delegationId: '', labIds: [], personIds: [] };

/** The body fields of a choice of targets (only those of its mode). */
export function targetsInput(value: TargetsValue) {
  switch (value.targetMode) {
    case 'all_labs':
      return { targetMode: value.targetMode };
    case 'delegation':
      return { targetMode: value.targetMode, delegationId: value.delegationId };
    case 'labs':
      return { targetMode: value.targetMode, labIds: value.labIds };
    case 'people':
      return { targetMode: value.targetMode, personIds: value.personIds };
  }
}

type Errors = Partial<Record<'targetMode' | 'delegationId' | 'labIds' | 'personIds', string | null>>;

/** Whom to ask: all labs, a delegation's, chosen labs, or named correspondents. */
export function TargetsField({
  value,
  onChange,
  errors = {},
  /** A DR officer's delegation: the labs offered are its own. */
  onlyDelegationId,
  modes = requestTargetModes,
}: {
  value: TargetsValue;
  onChange: (value: TargetsValue) => void;
  errors?: Errors;
  onlyDelegationId?: string | undefined;
  modes?: readonly RequestTargetMode[];
}) {
  const t = useRequestsT();
  const { t: tc } = useTranslation();
  const labs = useLabs(onlyDelegationId ? { delegation: onlyDelegationId } : {});
  const delegations = useDelegations();
  const labItems = [...(labs.data?.items ?? [])].sort((a, b) => a.acronym.localeCompare(b.acronym));
  const delegationItems = (delegations.data?.items ?? []).filter(
    (item) => !onlyDelegationId || item.id === onlyDelegationId,
  );
  const delegation = delegationItems.find((item) => item.id === value.delegationId);
  const count =
    value.targetMode === 'all_labs'
      ? labItems.length
      : value.targetMode === 'delegation'
        ? (delegation?.labCount ?? 0)
        : value.targetMode === 'labs'
          ? value.labIds.length
          : null;
  return (
    <Stack gap="sm">
      <Radio.Group
        label={t('targets.mode')}
        value={value.targetMode}
        onChange={(mode) => onChange({ ...value, targetMode: mode as RequestTargetMode })}
        error={errors.targetMode}
      >
        <Group gap="lg" mt={6}>
          {modes.map((mode) => (
            <Radio key={mode} value={mode} label={t(`targets.${mode}`)} />
          ))}
        </Group>
      </Radio.Group>
      {value.targetMode === 'delegation' && (
        <Select
          label={t('targets.delegationLabel')}
          required
          data={delegationItems.map((item) => ({ value: item.id, label: `${item.code} · ${item.name}` }))}
          value={value.delegationId || null}
          onChange={(id) => onChange({ ...value, delegationId: id ?? '' })}
          searchable
          error={errors.delegationId}
          nothingFoundMessage={tc('common.nothingFound')}
        />
      )}
      {value.targetMode === 'labs' && (
        <MultiSelect
          label={t('targets.labsLabel')}
          placeholder={value.labIds.length === 0 ? t('targets.labsPlaceholder') : undefined}
          required
          data={labItems.map((item) => ({ value: item.id, label: `${item.acronym} · ${item.city}` }))}
          value={value.labIds}
          onChange={(labIds) => onChange({ ...value, labIds })}
          searchable
          hidePickedOptions
          clearable
          clearButtonProps={{ 'aria-label': t('clear') }}
          error={errors.labIds}
          nothingFoundMessage={tc('common.nothingFound')}
          maxDropdownHeight={280}
          comboboxProps={{ withinPortal: false }}
        />
      )}
      {value.targetMode === 'people' && (
        <PeoplePicker
          label={t('targets.peopleLabel')}
          description={t('targets.peopleHint')}
          placeholder={t('targets.peoplePlaceholder')}
          role="correspondent"
          required
          value={value.personIds}
          onChange={(personIds) => onChange({ ...value, personIds })}
          error={errors.personIds}
        />
      )}
      {count !== null && count > 0 && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('targets.labCount', { count })}
        </Text>
      )}
    </Stack>
  );
}
