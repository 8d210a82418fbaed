import {
  ActionIcon,
  Anchor,
  Avatar,
  Button,
  Combobox,
  Group,
  Stack,
  Text,
  Textarea,
  useCombobox,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSend, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../app/api.ts';
import { notifyError } from '../../../app/errors.ts';
import { formatDateTime, formatRelative, initials } from '../../../app/format.ts';
import { currentLocale } from '../../../app/i18n.ts';
import type { PeoplePage } from '../../../app/types.ts';
import { ConfirmModal } from '../../../shared/ConfirmButton.tsx';
import { EmptyState, TableSkeleton } from '../../../shared/States.tsx';
import { useAddComment, useComments, useDeleteComment } from '../api.ts';
import { useStoriesT } from '../i18n.ts';
import classes from '../stories.module.css';
import type { PersonRef, StoryComment } from '../types.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A comment's text with its @mentions as links to the people mentioned. */
function CommentBody({ comment }: { comment: StoryComment }) {
  const names = comment.mentions.filter((person) => person.name);
  if (names.length === 0) return <>{comment.body}</>;
  const pattern = new RegExp(`@(${names.map((person) => escapeRegExp(person.name)).join('|')})`, 'g');
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of comment.body.matchAll(pattern)) {
    const index = match.index ?? 0;
    parts.push(comment.body.slice(last, index));
    const person = names.find((item) => item.name === match[1]);
    parts.push(
      person ? (
        <Anchor
          key={`${index}-${person.id}`}
          component={Link}
          to={`/people/${person.id}`}
          className={classes.mention}
        >
          @{person.name}
        </Anchor>
      ) : (
        match[0]
      ),
    );
    last = index + match[0].length;
  }
  parts.push(comment.body.slice(last));
  return (
    <>
      {parts.map((part, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order
        <Fragment key={index}>{part}</Fragment>
      ))}
    </>
  );
}

/** The "@word" just before the caret, if the person is typing a mention. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([\p{L}\p{M}'’-]{0,30}(?: [\p{L}\p{M}'’-]{0,30})?)$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - (match[2]?.length ?? 0) - 1, query: match[2] ?? '' };
}

function Composer({ storyId }: { storyId: string }) {
  const t = useStoriesT();
  const { t: tc } = useTranslation();
  const add = useAddComment(storyId);
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<PersonRef[]>([]);
  const [active, setActive] = useState<{ start: number; query: string } | null>(null);
  const [debounced] = useDebouncedValue(active?.query ?? '', 200);
  const ref = useRef<HTMLTextAreaElement>(null);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  const people = useQuery({
    queryKey: ['people', { q: debounced, limit: 6 }],
    queryFn: () => api.get<PeoplePage>('/api/people', { q: debounced, limit: 6 }),
    enabled: active !== null && debounced.length >= 1,
    staleTime: 60_000,
  });
  const options = active && debounced.length >= 1 ? (people.data?.items ?? []) : [];
  const isOpen = active !== null && options.length > 0;
  const optionIds = options.map((person) => person.id).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the store's functions are stable enough; follow the options
  useEffect(() => {
    if (isOpen) {
      combobox.openDropdown();
      combobox.selectFirstOption();
    } else combobox.closeDropdown();
  }, [isOpen, optionIds]);

  const track = (text: string, caret: number) => setActive(mentionQuery(text, caret));

  const pick = (id: string) => {
    const person = options.find((item) => item.id === id);
    if (!person || !active) return;
    const caret = ref.current?.selectionStart ?? body.length;
    const inserted = `@${person.name} `;
    const next = `${body.slice(0, active.start)}${inserted}${body.slice(caret)}`;
    setBody(next);
    setMentions((current) =>
      current.some((item) => item.id === person.id)
        ? current
        : [...current, { id: person.id, name: person.name }],
    );
    setActive(null);
    const position = active.start + inserted.length;
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(position, position);
    });
  };

  const send = async () => {
    const text = body.trim();
    if (!text) return;
    const mentionIds = mentions
      .filter((person) => text.includes(`@${person.name}`))
      .map((person) => person.id);
    try {
      await add.mutateAsync({ body: text, mentionIds });
      setBody('');
      setMentions([]);
    } catch (error) {
      notifyError(tc, error);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <Stack gap="xs">
        <Combobox store={combobox} onOptionSubmit={pick} withinPortal={false} position="bottom-start">
          <Combobox.Target withKeyboardNavigation={isOpen} withAriaAttributes={isOpen}>
            <Textarea
              ref={ref}
              label={t('comments.label')}
              placeholder={t('comments.placeholder')}
              value={body}
              onChange={(event) => {
                setBody(event.currentTarget.value);
                track(event.currentTarget.value, event.currentTarget.selectionStart);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Escape' && active) setActive(null);
                if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
                  event.preventDefault();
                  void send();
                }
              }}
              onClick={(event) => track(event.currentTarget.value, event.currentTarget.selectionStart)}
              onBlur={() => setTimeout(() => setActive(null), 150)}
              autosize
              minRows={3}
              maxRows={10}
              maxLength={5000}
            />
          </Combobox.Target>
          <Combobox.Dropdown>
            <Combobox.Options aria-label={t('comments.mentionList')}>
              {options.map((person) => (
                <Combobox.Option key={person.id} value={person.id}>
                  <Group gap="xs" wrap="nowrap">
                    <Avatar size={26} radius="xl" color="relais" aria-hidden>
                      {initials(person.name)}
                    </Avatar>
                    <div>
                      <Text size="sm" fw={600}>
                        {person.name}
                      </Text>
                      {person.lab && (
                        <Text size="xs" c="dimmed">
                          {person.lab.acronym}
                          {person.jobTitle ? ` · ${person.jobTitle}` : ''}
                        </Text>
                      )}
                    </div>
                  </Group>
                </Combobox.Option>
              ))}
            </Combobox.Options>
          </Combobox.Dropdown>
        </Combobox>
        <Group justify="flex-end">
          <Button
            type="submit"
            leftSection={<IconSend size={16} aria-hidden />}
            loading={add.isPending}
            disabled={!body.trim()}
          >
            {t('comments.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The discussion of a story: comments, newest last, and the composer with @mentions. */
export function Comments({ storyId, canComment }: { storyId: string; canComment: boolean }) {
  const t = useStoriesT();
  const { t: tc } = useTranslation();
  const locale = currentLocale();
  const comments = useComments(storyId);
  const remove = useDeleteComment(storyId);
  const [deleting, setDeleting] = useState<StoryComment | null>(null);
  const items = comments.data?.items ?? [];

  return (
    <Stack gap="lg">
      {comments.isPending ? (
        <TableSkeleton rows={3} />
      ) : items.length === 0 ? (
        <EmptyState isCompact title={t('comments.empty')} />
      ) : (
        <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((comment) => (
            <Group key={comment.id} component="li" gap="sm" align="flex-start" wrap="nowrap">
              <Avatar color="relais" radius="xl" size={36} aria-hidden>
                {initials(comment.author.name)}
              </Avatar>
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Group gap="xs" justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    <Anchor
                      component={Link}
                      to={`/people/${comment.author.id}`}
                      fw={650}
                      c="dark.8"
                      size="sm"
                    >
                      {comment.author.name}
                    </Anchor>{' '}
                    <Text span size="xs" c="dimmed">
                      ·{' '}
                      <time dateTime={comment.createdAt} title={formatDateTime(comment.createdAt, locale)}>
                        {formatRelative(comment.createdAt, locale)}
                      </time>
                    </Text>
                  </Text>
                  {comment.abilities.delete && (
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={t('comments.delete', { name: comment.author.name })}
                      onClick={() => setDeleting(comment)}
                    >
                      <IconTrash size={15} aria-hidden />
                    </ActionIcon>
                  )}
                </Group>
                <Text size="sm" className={classes.commentBody}>
                  <CommentBody comment={comment} />
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
      {canComment ? (
        <Composer storyId={storyId} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('comments.readOnly')}
        </Text>
      )}
      <ConfirmModal
        color="red.9"
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('comments.deleteTitle')}
        message={t('comments.deleteText')}
        confirmLabel={tc('common.delete')}
        onConfirm={async () => {
          if (!deleting) return;
          try {
            await remove.mutateAsync(deleting.id);
          } catch (error) {
            notifyError(tc, error);
            throw error;
          }
        }}
      />
    </Stack>
  );
}
