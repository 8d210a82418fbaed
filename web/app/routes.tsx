import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { newsletterRoutes } from '../features/newsletters/routes.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { RequireAuth } from './RequireAuth.tsx';
import { PageError, RootError } from './RouteError.tsx';
import { Shell } from './Shell.tsx';

// One chunk per page: the first load carries the shell only.
const LoginPage = lazy(() => import('../features/auth/LoginPage.tsx'));
const ForgotPasswordPage = lazy(() => import('../features/auth/ForgotPasswordPage.tsx'));
const ResetPasswordPage = lazy(() => import('../features/auth/ResetPasswordPage.tsx'));
const InvitationPage = lazy(() => import('../features/auth/InvitationPage.tsx'));
const HomePage = lazy(() => import('../features/home/HomePage.tsx'));
const NetworkPage = lazy(() => import('../features/network/NetworkPage.tsx'));
const LabPage = lazy(() => import('../features/labs/LabPage.tsx'));
const PersonPage = lazy(() => import('../features/people/PersonPage.tsx'));
const SkillsPage = lazy(() => import('../features/skills/SkillsPage.tsx'));
const ProfilePage = lazy(() => import('../features/profile/ProfilePage.tsx'));
const AdminLayout = lazy(() => import('../features/admin/AdminLayout.tsx'));
const AdminIndex = lazy(() => import('../features/admin/AdminIndex.tsx'));
const AdminPeoplePage = lazy(() => import('../features/admin/people/AdminPeoplePage.tsx'));
const AdminLabsPage = lazy(() => import('../features/admin/labs/AdminLabsPage.tsx'));
const AdminDelegationsPage = lazy(() => import('../features/admin/delegations/AdminDelegationsPage.tsx'));
const AdminSkillsPage = lazy(() => import('../features/admin/skills/AdminSkillsPage.tsx'));
const OutboxPage = lazy(() => import('../features/admin/outbox/OutboxPage.tsx'));
const OutboxMessagePage = lazy(() => import('../features/admin/outbox/OutboxMessagePage.tsx'));
const StoriesPage = lazy(() => import('../features/stories/StoriesPage.tsx'));
const StoryPage = lazy(() => import('../features/stories/StoryPage.tsx'));
const NewStoryPage = lazy(() => import('../features/stories/NewStoryPage.tsx'));
const EditStoryPage = lazy(() => import('../features/stories/EditStoryPage.tsx'));
const TipPage = lazy(() => import('../features/tips/TipPage.tsx'));
const TipsInboxPage = lazy(() => import('../features/tips/TipsInboxPage.tsx'));
const RequestsPage = lazy(() => import('../features/requests/RequestsPage.tsx'));
const RequestPage = lazy(() => import('../features/requests/RequestPage.tsx'));
const NewRequestPage = lazy(() => import('../features/requests/NewRequestPage.tsx'));
const SolicitationsPage = lazy(() => import('../features/requests/SolicitationsPage.tsx'));
const JobsPage = lazy(() => import('../features/admin/jobs/JobsPage.tsx'));
const CampaignsPage = lazy(() => import('../features/campaigns/CampaignsPage.tsx'));
const CampaignPage = lazy(() => import('../features/campaigns/CampaignPage.tsx'));
const CampaignFormPage = lazy(() => import('../features/campaigns/CampaignFormPage.tsx'));
const ListsPage = lazy(() => import('../features/audiences/ListsPage.tsx'));
const ListPage = lazy(() => import('../features/audiences/ListPage.tsx'));
const ImportPage = lazy(() => import('../features/audiences/ImportPage.tsx'));
const SuppressionsPage = lazy(() => import('../features/audiences/SuppressionsPage.tsx'));
const NotFoundPage = lazy(() => import('./NotFoundPage.tsx'));

export const router = createBrowserRouter([
  {
    element: <AuthLayout />,
    errorElement: <RootError />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/forgot', element: <ForgotPasswordPage /> },
      { path: '/reset/:token', element: <ResetPasswordPage /> },
      { path: '/invitation/:token', element: <InvitationPage /> },
    ],
  },
  {
    path: '/',
    element: <Shell />,
    errorElement: <RootError />,
    children: [
      {
        errorElement: <PageError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'network', element: <NetworkPage /> },
          { path: 'labs/:id', element: <LabPage /> },
          { path: 'people/:id', element: <PersonPage /> },
          { path: 'skills', element: <SkillsPage /> },
          {
            path: 'profile',
            element: (
              <RequireAuth>
                <ProfilePage />
              </RequireAuth>
            ),
          },
          {
            path: 'admin',
            element: (
              <RequireAuth>
                <AdminLayout />
              </RequireAuth>
            ),
            children: [
              { index: true, element: <AdminIndex /> },
              { path: 'people', element: <AdminPeoplePage /> },
              { path: 'labs', element: <AdminLabsPage /> },
              { path: 'delegations', element: <AdminDelegationsPage /> },
              { path: 'skills', element: <AdminSkillsPage /> },
              { path: 'outbox', element: <OutboxPage /> },
              { path: 'outbox/:id', element: <OutboxMessagePage /> },
              { path: 'jobs', element: <JobsPage /> },
            ],
          },
          {
            path: 'stories',
            element: (
              <RequireAuth>
                <StoriesPage />
              </RequireAuth>
            ),
          },
          {
            path: 'review',
            element: (
              <RequireAuth>
                <StoriesPage key="review" defaultView="review" />
              </RequireAuth>
            ),
          },
          {
            path: 'stories/new',
            element: (
              <RequireAuth>
                <NewStoryPage />
              </RequireAuth>
            ),
          },
          {
            path: 'stories/:id',
            element: (
              <RequireAuth>
                <StoryPage />
              </RequireAuth>
            ),
          },
          {
            path: 'stories/:id/edit',
            element: (
              <RequireAuth>
                <EditStoryPage />
              </RequireAuth>
            ),
          },
          {
            path: 'tip',
            element: (
              <RequireAuth>
                <TipPage />
              </RequireAuth>
            ),
          },
          {
            path: 'tips',
            element: (
              <RequireAuth>
                <TipsInboxPage />
              </RequireAuth>
            ),
          },
          {
            path: 'requests',
            element: (
              <RequireAuth>
                <RequestsPage />
              </RequireAuth>
            ),
          },
          {
            path: 'requests/new',
            element: (
              <RequireAuth>
                <NewRequestPage />
              </RequireAuth>
            ),
          },
          {
            path: 'requests/:id',
            element: (
              <RequireAuth>
                <RequestPage />
              </RequireAuth>
            ),
          },
          {
            path: 'solicitations',
            element: (
              <RequireAuth>
                <SolicitationsPage />
              </RequireAuth>
            ),
          },
          {
            path: 'campaigns',
            element: (
              <RequireAuth>
                <CampaignsPage key="campaigns" />
              </RequireAuth>
            ),
          },
          {
            path: 'campaigns/new',
            element: (
              <RequireAuth>
                <CampaignFormPage key="campaigns/new" />
              </RequireAuth>
            ),
          },
          {
            path: 'campaigns/lists',
            element: (
              <RequireAuth>
                <ListsPage key="campaigns/lists" />
              </RequireAuth>
            ),
          },
          {
            path: 'campaigns/lists/:id',
            element: (
              <RequireAuth>
                <ListPage key="campaigns/lists/:id" />
              </RequireAuth>
            ),
          },
          {
            path: 'campaigns/lists/:id/import',
            element: (
              <RequireAuth>
                <ImportPage key="campaigns/lists/:id/import" />
              </RequireAuth>
            ),
          },
          {
            path: 'campaigns/suppressions',
            element: (
              <RequireAuth>
                <SuppressionsPage key="campaigns/suppressions" />
              </RequireAuth>
            ),
          },
          {
            path: 'campaigns/:id',
            element: (
              <RequireAuth>
                <CampaignPage key="campaigns/:id" />
              </RequireAuth>
            ),
          },
          {
            path: 'campaigns/:id/edit',
            element: (
              <RequireAuth>
                <CampaignFormPage key="campaigns/:id/edit" />
              </RequireAuth>
            ),
          },
          ...newsletterRoutes,
          { path: 'home', element: <Navigate to="/" replace /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
