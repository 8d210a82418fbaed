import {
  closestCorners,
  DndContext,
  type DragEndEvent,
  type DragOverEvent,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconGripVertical,
  IconPlus,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { newsletterLimits } from '../../../shared/newsletters.ts';
import { EmbargoBadge } from './badges.tsx';
import { useNewslettersT } from './i18n.ts';
import classes from './newsletters.module.css';
import type { IssueItem, IssueSection } from './types.ts';

type Props = {
  sections: IssueSection[];
  onChange: (sections: IssueSection[]) => void;
  isEditable: boolean;
};

const sectionId = (key: string) => `section:${key}`;

function itemTitle(item: IssueItem, hidden: string) {
  return item.isVisible ? item.title : hidden;
}

function SortableItem({
  item,
  index,
  section,
  sections,
  isEditable,
  onMove,
  onMoveTo,
  onRemove,
}: {
  item: IssueItem;
  index: number;
  section: IssueSection;
  sections: IssueSection[];
  isEditable: boolean;
  onMove: (delta: -1 | 1) => void;
  onMoveTo: (key: string) => void;
  onRemove: () => void;
}) {
  const t = useNewslettersT();
  const title = itemTitle(item, t('sections.hidden'));
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: item.storyId, disabled: !isEditable });
  return (
    <Box
      component="li"
      ref={setNodeRef}
      className={classes.item}
      data-dragging={isDragging || undefined}
      data-story={item.storyId}
      style={{ transform: CSS.Transform.toString(transform), transition }}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {isEditable && (
          <ActionIcon
            ref={setActivatorNodeRef}
            variant="subtle"
            color="gray"
            className={classes.handle}
            aria-label={t('sections.drag', { title })}
            {...attributes}
            {...listeners}
          >
            <IconGripVertical size={18} aria-hidden />
          </ActionIcon>
        )}
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Text
            size="sm"
            fw={600}
            style={{ overflowWrap: 'anywhere' }}
            fs={item.isVisible ? undefined : 'italic'}
          >
            {title}
          </Text>
          <Group gap={6}>
            {item.labs.map((lab) => (
              <Badge key={lab} size="xs" variant="light" color="gray">
                {lab}
              </Badge>
            ))}
            <EmbargoBadge embargo={item.embargo} />
          </Group>
        </Stack>
        {isEditable && (
          <Group gap={2} wrap="nowrap">
            <NativeSelect
              size="xs"
              aria-label={t('sections.moveTo', { title })}
              value={section.key}
              onChange={(event) => onMoveTo(event.currentTarget.value)}
              data={sections.map((s) => ({ value: s.key, label: s.title }))}
              className={classes.moveSelect}
            />
            <Tooltip label={t('sections.moveUp', { title })}>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('sections.moveUp', { title })}
                disabled={index === 0}
                onClick={() => onMove(-1)}
              >
                <IconArrowUp size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('sections.moveDown', { title })}>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('sections.moveDown', { title })}
                disabled={index === section.items.length - 1}
                onClick={() => onMove(1)}
              >
                <IconArrowDown size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('sections.removeItem', { title })}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('sections.removeItem', { title })}
                onClick={onRemove}
              >
                <IconX size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
    </Box>
  );
}

function SectionBox({
  section,
  children,
  isEditable,
  canRemove,
  onRename,
  onRemove,
}: {
  section: IssueSection;
  children: React.ReactNode;
  isEditable: boolean;
  canRemove: boolean;
  onRename: (title: string) => void;
  onRemove: () => void;
}) {
  const t = useNewslettersT();
  const { setNodeRef, isOver } = useDroppable({ id: sectionId(section.key) });
  const [title, setTitle] = useState(section.title);
  const [seen, setSeen] = useState(section.title);
  if (seen !== section.title) {
    setSeen(section.title);
    setTitle(section.title);
  }
  return (
    <Box
      component="section"
      className={classes.section}
      data-section={section.key}
      aria-label={section.title}
    >
      <Group gap="xs" justify="space-between" wrap="nowrap" mb="xs">
        {isEditable ? (
          <TextInput
            aria-label={t('sections.rename')}
            value={title}
            maxLength={newsletterLimits.sectionTitle}
            onChange={(event) => setTitle(event.currentTarget.value)}
            onBlur={() =>
              title.trim() && title.trim() !== section.title
                ? onRename(title.trim())
                : setTitle(section.title)
            }
            onKeyDown={(event) => {
              if (event.key === 'Enter') event.currentTarget.blur();
            }}
            variant="unstyled"
            classNames={{ input: classes.sectionTitle }}
            style={{ flex: 1 }}
          />
        ) : (
          <Text fw={700}>{section.title}</Text>
        )}
        <Group gap={4} wrap="nowrap">
          <Text size="xs" c="dimmed">
            {t('sections.count', { count: section.items.length })}
          </Text>
          {isEditable && canRemove && (
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('sections.remove', { title: section.title })}
              onClick={onRemove}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      </Group>
      <Box
        component="ul"
        ref={setNodeRef}
        className={classes.itemList}
        data-over={isOver || undefined}
        p={0}
        m={0}
      >
        {children}
        {section.items.length === 0 && (
          <Text component="li" size="sm" c="dimmed" className={classes.emptySection}>
            {isEditable ? t('sections.dropHere') : t('sections.empty')}
          </Text>
        )}
      </Box>
    </Box>
  );
}

/** The issue's sections and their stories: drag (pointer or keyboard), arrows, "move to", remove. */
export function SectionsEditor({ sections, onChange, isEditable }: Props) {
  const t = useNewslettersT();
  const [dragging, setDragging] = useState<IssueSection[] | null>(null);
  const before = useRef<IssueSection[] | null>(null);
  const [newTitle, setNewTitle] = useState('');
  const shown = dragging ?? sections;
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const findSection = (list: IssueSection[], id: string) =>
    id.startsWith('section:')
      ? list.findIndex((s) => sectionId(s.key) === id)
      : list.findIndex((s) => s.items.some((item) => item.storyId === id));
  const titleOf = (id: string | number) => {
    const item = shown.flatMap((s) => s.items).find((i) => i.storyId === id);
    return item ? itemTitle(item, t('sections.hidden')) : '';
  };
  const whereIs = (list: IssueSection[], id: string | number) => {
    const s = list[findSection(list, String(id))];
    if (!s) return '';
    const position = s.items.findIndex((i) => i.storyId === id) + 1;
    return t('sections.moved', { title: titleOf(id), position, section: s.title });
  };

  const moveItem = (list: IssueSection[], id: string, toKey: string, toIndex: number) => {
    const from = findSection(list, id);
    const item = list[from]?.items.find((i) => i.storyId === id);
    if (!item) return list;
    const without = list.map((s, index) =>
      index === from ? { ...s, items: s.items.filter((i) => i.storyId !== id) } : s,
    );
    return without.map((s) => {
      if (s.key !== toKey) return s;
      const items = [...s.items];
      items.splice(Math.max(0, Math.min(toIndex, items.length)), 0, { ...item, section: toKey });
      return { ...s, items };
    });
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over || !dragging) return;
    const from = findSection(dragging, String(active.id));
    const to = findSection(dragging, String(over.id));
    if (from < 0 || to < 0 || from === to) return;
    const target = dragging[to]!;
    const overIndex = target.items.findIndex((i) => i.storyId === over.id);
    setDragging(
      moveItem(dragging, String(active.id), target.key, overIndex < 0 ? target.items.length : overIndex),
    );
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const list = dragging ?? sections;
    setDragging(null);
    if (!over) return;
    const at = findSection(list, String(active.id));
    const section = list[at];
    if (!section) return;
    const oldIndex = section.items.findIndex((i) => i.storyId === active.id);
    const overIndex = section.items.findIndex((i) => i.storyId === over.id);
    const next =
      overIndex >= 0 && overIndex !== oldIndex
        ? list.map((s, index) =>
            index === at ? { ...s, items: arrayMove(s.items, oldIndex, overIndex) } : s,
          )
        : list;
    if (JSON.stringify(next) !== JSON.stringify(before.current)) onChange(next);
  };

  return (
    <Stack gap="md">
      {isEditable && (
        <Text size="sm" c="dimmed" id="sections-hint">
          {t('sections.hint')}
        </Text>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCorners}
        onDragStart={() => {
          before.current = sections;
          setDragging(sections);
        }}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
        accessibility={{
          screenReaderInstructions: { draggable: t('sections.hint') },
          announcements: {
            onDragStart: ({ active }) => titleOf(active.id),
            onDragOver: ({ active }) => whereIs(dragging ?? sections, active.id),
            onDragEnd: ({ active }) => whereIs(dragging ?? sections, active.id),
            onDragCancel: ({ active }) => titleOf(active.id),
          },
        }}
      >
        {shown.map((section) => (
          <SectionBox
            key={section.key}
            section={section}
            isEditable={isEditable}
            canRemove={section.items.length === 0 && shown.length > 1}
            onRename={(title) => onChange(sections.map((s) => (s.key === section.key ? { ...s, title } : s)))}
            onRemove={() => onChange(sections.filter((s) => s.key !== section.key))}
          >
            <SortableContext
              id={section.key}
              items={section.items.map((i) => i.storyId)}
              strategy={verticalListSortingStrategy}
            >
              {section.items.map((item, index) => (
                <SortableItem
                  key={item.storyId}
                  item={item}
                  index={index}
                  section={section}
                  sections={shown}
                  isEditable={isEditable}
                  onMove={(delta) => onChange(moveItem(sections, item.storyId, section.key, index + delta))}
                  onMoveTo={(key) => onChange(moveItem(sections, item.storyId, key, Number.MAX_SAFE_INTEGER))}
                  onRemove={() =>
                    onChange(
                      sections.map((s) => ({
                        ...s,
                        items: s.items.filter((i) => i.storyId !== item.storyId),
                      })),
                    )
                  }
                />
              ))}
            </SortableContext>
          </SectionBox>
        ))}
      </DndContext>
      {isEditable && sections.length < newsletterLimits.sections && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!newTitle.trim()) return;
            onChange([...sections, { key: '', title: newTitle.trim(), items: [] }]);
            setNewTitle('');
          }}
        >
          <Group gap="xs" align="flex-end">
            <TextInput
              label={t('sections.addLabel')}
              value={newTitle}
              maxLength={newsletterLimits.sectionTitle}
              onChange={(event) => setNewTitle(event.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="light" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('sections.add')}
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
