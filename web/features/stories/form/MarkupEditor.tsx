import { ActionIcon, Group, Input, SegmentedControl, Text, Textarea, Tooltip } from '@mantine/core';
import { useId } from '@mantine/hooks';
import {
  IconBold,
  IconH2,
  IconItalic,
  IconLink,
  IconList,
  IconListNumbers,
  IconQuote,
} from '@tabler/icons-react';
import { Fragment, type ReactNode, useRef, useState } from 'react';
import { useStoriesT } from '../i18n.ts';
import classes from '../stories.module.css';
import { type Block, type Inline, parseMarkup } from './markup.ts';

type Props = {
  label: string;
  description?: string;
  error?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
};

function InlineView({ nodes }: { nodes: Inline[] }) {
  return (
    <>
      {nodes.map((node, index) => {
        const key = index;
        switch (node.type) {
          case 'text':
            return <Fragment key={key}>{node.text}</Fragment>;
          case 'br':
            return <br key={key} />;
          case 'strong':
            return (
              <strong key={key}>
                <InlineView nodes={node.children} />
              </strong>
            );
          case 'em':
            return (
              <em key={key}>
                <InlineView nodes={node.children} />
              </em>
            );
          case 'link':
            return (
              <a key={key} href={node.href} target="_blank" rel="noopener noreferrer nofollow">
                <InlineView nodes={node.children} />
              </a>
            );
          case 'image':
            return <img key={key} src={node.src} alt={node.alt} />;
        }
        return null;
      })}
    </>
  );
}

/** The preview as React elements: nothing typed here is ever injected as HTML. */
export function MarkupPreview({ blocks }: { blocks: Block[] }) {
  return (
    <>
      {blocks.map((block, index) => {
        const key = index;
        switch (block.type) {
          case 'h2':
            return (
              <h2 key={key}>
                <InlineView nodes={block.content} />
              </h2>
            );
          case 'h3':
            return (
              <h3 key={key}>
                <InlineView nodes={block.content} />
              </h3>
            );
          case 'p':
            return (
              <p key={key}>
                <InlineView nodes={block.content} />
              </p>
            );
          case 'quote':
            return (
              <blockquote key={key}>
                <p>
                  <InlineView nodes={block.content} />
                </p>
              </blockquote>
            );
          case 'ul':
          case 'ol': {
            const List = block.type;
            return (
              <List key={key}>
                {block.items.map((item, itemIndex) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a static rendering of parsed text
                  <li key={itemIndex}>
                    <InlineView nodes={item} />
                  </li>
                ))}
              </List>
            );
          }
        }
        return null;
      })}
    </>
  );
}

/**
 * A plain-text editor with a formatting toolbar and a preview: light markup in a textarea (robust,
 * accessible, works on phones), saved as the small HTML subset the server keeps.
 */
export function MarkupEditor({ label, description, error, value, onChange, maxLength }: Props) {
  const t = useStoriesT();
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [mode, setMode] = useState<'write' | 'preview'>('write');

  /** Replaces the selection with `before + selected + after`, keeping the selection on the text. */
  const wrap = (before: string, after: string, placeholder: string) => {
    const area = ref.current;
    if (!area) return;
    const start = area.selectionStart;
    const end = area.selectionEnd;
    const selected = value.slice(start, end) || placeholder;
    const next = `${value.slice(0, start)}${before}${selected}${after}${value.slice(end)}`;
    onChange(next);
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(start + before.length, start + before.length + selected.length);
    });
  };

  /** Prefixes every selected line (or the current one). */
  const prefixLines = (prefix: (index: number) => string) => {
    const area = ref.current;
    if (!area) return;
    const lineStart = value.lastIndexOf('\n', area.selectionStart - 1) + 1;
    const nextBreak = value.indexOf('\n', area.selectionEnd);
    const lineEnd = nextBreak === -1 ? value.length : nextBreak;
    const lines = value.slice(lineStart, lineEnd).split('\n');
    const changed = lines
      .map((line, index) => `${prefix(index)}${line.replace(/^(#{2,4}\s+|[-*]\s+|\d+\.\s+|>\s?)/, '')}`)
      .join('\n');
    const next = `${value.slice(0, lineStart)}${changed}${value.slice(lineEnd)}`;
    onChange(next);
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(lineStart, lineStart + changed.length);
    });
  };

  const tools = [
    { label: t('editor.heading'), icon: IconH2, run: () => prefixLines(() => '## ') },
    { label: t('editor.bold'), icon: IconBold, run: () => wrap('**', '**', t('editor.bold').toLowerCase()) },
    {
      label: t('editor.italic'),
      icon: IconItalic,
      run: () => wrap('*', '*', t('editor.italic').toLowerCase()),
    },
    { label: t('editor.bulletList'), icon: IconList, run: () => prefixLines(() => '- ') },
    {
      label: t('editor.orderedList'),
      icon: IconListNumbers,
      run: () => prefixLines((index) => `${index + 1}. `),
    },
    { label: t('editor.quote'), icon: IconQuote, run: () => prefixLines(() => '> ') },
    { label: t('editor.link'), icon: IconLink, run: () => wrap('[', '](https://)', t('editor.linkText')) },
  ];

  const blocks = mode === 'preview' ? parseMarkup(value) : [];

  return (
    <Input.Wrapper label={label} description={description} error={error} id={id}>
      <div className={classes.editor} data-error={error ? true : undefined} style={{ marginTop: 6 }}>
        <Group justify="space-between" gap="xs" className={classes.editorToolbar} wrap="wrap">
          <Group gap={2} role="toolbar" aria-label={t('editor.toolbar')} aria-controls={id}>
            {tools.map((tool) => (
              <Tooltip key={tool.label} label={tool.label}>
                <ActionIcon
                  variant="subtle"
                  color="dark"
                  size="lg"
                  aria-label={tool.label}
                  onClick={tool.run}
                  disabled={mode === 'preview'}
                >
                  <tool.icon size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
            ))}
          </Group>
          <SegmentedControl
            size="xs"
            value={mode}
            onChange={(next) => setMode(next === 'preview' ? 'preview' : 'write')}
            data={[
              { value: 'write', label: t('editor.write') },
              { value: 'preview', label: t('editor.preview') },
            ]}
            aria-label={`${label} — ${t('editor.preview')}`}
          />
        </Group>
        {mode === 'write' ? (
          <Textarea
            id={id}
            ref={ref}
            className={classes.editorTextarea}
            value={value}
            onChange={(event) => onChange(event.currentTarget.value)}
            autosize
            minRows={9}
            maxRows={28}
            maxLength={maxLength}
            aria-invalid={Boolean(error)}
            aria-describedby={`${id}-syntax`}
          />
        ) : (
          <div className={`${classes.body} ${classes.editorPreview}`}>
            {blocks.length ? (
              <MarkupPreview blocks={blocks} />
            ) : (
              <Text c="dimmed" size="sm">
                {t('editor.previewEmpty')}
              </Text>
            )}
          </div>
        )}
      </div>
      <Text id={`${id}-syntax`} size="xs" c="dimmed" mt={4}>
        {t('editor.syntax')}
      </Text>
    </Input.Wrapper>
  );
}
