export { NewStoryPage as default } from './StoryFormPage.tsx';
