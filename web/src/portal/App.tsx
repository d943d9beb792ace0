import { Anchor, Box, Container, Group, NativeSelect, Text } from '@mantine/core';
import { isPortalLang, type Key, PORTAL_LANGS, useI18n } from './i18n.tsx';
import { type PortalPath, useLink, useNav } from './nav.tsx';
import { CheckPage } from './pages/CheckPage.tsx';
import { FollowUpPage } from './pages/FollowUpPage.tsx';
import { HelpPage } from './pages/HelpPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { PrivacyPage } from './pages/PrivacyPage.tsx';
import { ReportRelativePage } from './pages/ReportRelativePage.tsx';
import { ReportScamPage } from './pages/ReportScamPage.tsx';
import classes from './portal.module.css';

const MENU: [PortalPath, Key][] = [
  ['/check-job', 'nav.checkJob'],
  ['/check-message', 'nav.checkMessage'],
  ['/report-scam', 'nav.reportScam'],
  ['/report-relative', 'nav.reportRelative'],
  ['/help', 'nav.help'],
];

function MenuLink({ to, label }: { to: PortalPath; label: Key }) {
  const { t } = useI18n();
  return (
    <a className={classes.navLink} {...useLink(to)}>
      {t(label)}
    </a>
  );
}

function Page() {
  const { path } = useNav();
  switch (path) {
    case '/check-job':
      return <CheckPage kind="job" key="job" />;
    case '/check-message':
      return <CheckPage kind="message" key="message" />;
    case '/report-scam':
      return <ReportScamPage />;
    case '/report-relative':
      return <ReportRelativePage />;
    case '/follow-up':
      return <FollowUpPage />;
    case '/help':
      return <HelpPage />;
    case '/privacy':
      return <PrivacyPage />;
    default:
      return <HomePage />;
  }
}

export function App() {
  const { t, lang, setLang } = useI18n();
  const home = useLink('/');
  const privacy = useLink('/privacy');
  return (
    <>
      <a href="#main" className={classes.skip}>
        {t('app.skip')}
      </a>
      <header className={classes.header}>
        <Container size="md">
          <Group justify="space-between" align="center" wrap="wrap" gap="xs" py="sm">
            <a {...home} className={classes.brand}>
              <span className={classes.brandName}>{t('app.name')}</span>
              <span className={classes.tagline}>{t('app.tagline')}</span>
            </a>
            <NativeSelect
              label={t('lang.label')}
              value={lang}
              onChange={(e) => {
                const v = e.currentTarget.value;
                if (isPortalLang(v)) setLang(v);
              }}
              data={PORTAL_LANGS.map((l) => ({ value: l.code, label: l.name }))}
              size="xs"
              classNames={{ root: classes.lang }}
              data-testid="language"
            />
          </Group>
          <nav aria-label={t('nav.label')}>
            <ul className={classes.nav}>
              {MENU.map(([to, label]) => (
                <li key={to}>
                  <MenuLink to={to} label={label} />
                </li>
              ))}
            </ul>
          </nav>
        </Container>
      </header>
      <Box component="main" id="main" tabIndex={-1} className={classes.main}>
        <Container size="md" py="lg">
          <Page />
        </Container>
      </Box>
      <footer className={classes.footer}>
        <Container size="md" py="md">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">{t('footer.text')}</Text>
            <Group gap="md">
              <Anchor size="sm" {...privacy}>
                {t('nav.privacy')}
              </Anchor>
              <Anchor size="sm" href="/console/">
                {t('footer.console')}
              </Anchor>
            </Group>
          </Group>
        </Container>
      </footer>
    </>
  );
}
