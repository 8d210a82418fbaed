import { Button, type ButtonProps } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useChangeLocale } from './auth.ts';
import { currentLocale } from './i18n.ts';

/** One click to the other language; the label is written in the language it switches to. */
export function LanguageSwitch(props: ButtonProps) {
  useTranslation();
  const changeLocale = useChangeLocale();
  const target = currentLocale() === 'fr' ? 'en' : 'fr';
  return (
    <Button
      variant="subtle"
      color="dark"
      leftSection={<IconLanguage size={18} aria-hidden />}
      onClick={() => void changeLocale(target)}
      lang={target}
      {...props}
    >
      {target === 'en' ? 'English' : 'Français'}
    </Button>
  );
}
