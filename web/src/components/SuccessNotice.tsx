import { Alert } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A dismissable confirmation line ("User created."), announced politely to screen readers. */
export function useSuccessNotice() {
  const [message, setMessage] = useState<string | null>(null);
  return { message, show: setMessage, clear: () => setMessage(null) };
}

export function SuccessNotice({ message, onClose }: { message: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div aria-live="polite">
      {message ? (
        <Alert color="green" variant="light" withCloseButton closeButtonLabel={t('common.close')} onClose={onClose}>
          {message}
        </Alert>
      ) : null}
    </div>
  );
}
