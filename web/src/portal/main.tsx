import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { cssVariablesResolver, theme } from '../app/theme.ts';
import { App } from './App.tsx';
import { I18nProvider, useI18n } from './i18n.tsx';
import { NavProvider } from './nav.tsx';
import { PortalStateProvider } from './state.tsx';

function WithState() {
  const { lang } = useI18n();
  return (
    <PortalStateProvider lang={lang}>
      <NavProvider>
        <App />
      </NavProvider>
    </PortalStateProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from portal.html');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <I18nProvider>
        <WithState />
      </I18nProvider>
    </MantineProvider>
  </StrictMode>,
);
