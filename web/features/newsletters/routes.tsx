import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../app/RequireAuth.tsx';

const NewslettersPage = lazy(() => import('./NewslettersPage.tsx'));
const IssuePage = lazy(() => import('./IssuePage.tsx'));

/** /newsletters and /newsletters/:id, spread into the shell's children (web/app/routes.tsx). */
export const newsletterRoutes: RouteObject[] = [
  {
    path: 'newsletters',
    element: (
      <RequireAuth>
        <NewslettersPage key="newsletters" />
      </RequireAuth>
    ),
  },
  {
    path: 'newsletters/:id',
    element: (
      <RequireAuth>
        <IssuePage key="newsletters/:id" />
      </RequireAuth>
    ),
  },
];
