import { useTranslation } from 'react-i18next';

/** Props every Modal gets: a translated label on its close button. */
export function useModalProps() {
  const { t } = useTranslation();
  return { closeButtonProps: { 'aria-label': t('common.close') } };
}
