import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { EmptyState, ErrorState } from '../../shared/States.tsx';
import { useStoriesT } from './i18n.ts';

/** A story that failed to load: "not found" (also when it may not be seen), or the error and a retry. */
export function StoryNotFound({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useStoriesT();
  if (error instanceof ApiError && error.status === 404) {
    return (
      <>
        <PageHeader title={t('page.notFound')} breadcrumbs={[{ label: t('list.title'), to: '/stories' }]} />
        <EmptyState
          title={t('page.notFoundText')}
          action={
            <Button component={Link} to="/stories">
              {t('page.backToList')}
            </Button>
          }
        />
      </>
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}
