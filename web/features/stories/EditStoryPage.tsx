export { EditStoryPage as default } from './StoryFormPage.tsx';
