import { Anchor, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { ConsentWarning, lacksConsent, licenceLabel } from '../form/AttachmentsField.tsx';
import { useStoriesT } from '../i18n.ts';
import classes from '../stories.module.css';
import type { Attachment } from '../types.ts';

/** The story's images with caption, credit and licence, then its documents. */
export function Gallery({ items }: { items: Attachment[] }) {
  const t = useStoriesT();
  const images = items.filter((item) => item.kind === 'image');
  const documents = items.filter((item) => item.kind !== 'image');
  return (
    <Stack gap="lg">
      {images.length > 0 && (
        <section aria-labelledby="gallery-title">
          <Title order={2} fz="md" id="gallery-title" mb="sm">
            {t('page.gallery')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
            {images.map((image, index) => (
              <figure key={image.id} style={{ margin: 0 }}>
                <Anchor href={image.urls.file} target="_blank" rel="noopener" className={classes.galleryLink}>
                  <img
                    src={image.urls.thumb ?? image.urls.file}
                    alt={image.caption || t('page.image', { index: index + 1 })}
                    className={classes.thumb}
                    loading="lazy"
                  />
                </Anchor>
                <Text component="figcaption" size="sm" mt={6}>
                  {image.caption}
                  {(image.credit || image.licence) && (
                    <Text span size="xs" c="dimmed" display="block">
                      {[
                        image.credit && t('page.credit', { credit: image.credit.replace(/^©\s*/, '') }),
                        image.licence && licenceLabel(t, image.licence),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  )}
                </Text>
                {lacksConsent(image) && (
                  <Group mt={4}>
                    <ConsentWarning />
                  </Group>
                )}
              </figure>
            ))}
          </SimpleGrid>
        </section>
      )}
      {documents.length > 0 && (
        <section aria-labelledby="documents-title">
          <Title order={2} fz="md" id="documents-title" mb="sm">
            {t('page.documents')}
          </Title>
          <Stack gap={6}>
            {documents.map((item) => (
              <Anchor key={item.id} href={item.urls.file} target="_blank" rel="noopener" size="sm">
                <IconFileText size={16} aria-hidden style={{ verticalAlign: -3 }} /> {item.originalName}
              </Anchor>
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}
