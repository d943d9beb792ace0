import type { MfaEnrolment } from '@cordon/contracts';
import { Alert, Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { EnrolMfa } from './EnrolMfa.tsx';
import { useStartEnrolment } from './mfaApi.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';

type Step = { kind: 'idle' } | { kind: 'scan'; enrolment: MfaEnrolment } | { kind: 'codes'; codes: string[] };

/** The user's own two-step verification: status, enrolment, recovery codes (shown once). */
export function SecurityPage() {
  const { t } = useTranslation();
  const { user } = useMe();
  const start = useStartEnrolment();
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t('security.title')} />
      {step.kind === 'idle' ? (
        <>
          <Alert color={user.mfaEnrolled ? 'green' : 'orange'} variant="light" data-testid="mfa-status">
            {user.mfaEnrolled ? t('security.mfaOn') : t('security.mfaOff')}
          </Alert>
          <ProblemAlert error={start.error} />
          <div>
            <Button
              variant={user.mfaEnrolled ? 'default' : 'filled'}
              loading={start.isPending}
              onClick={() =>
                start.mutate(undefined, { onSuccess: (enrolment) => setStep({ kind: 'scan', enrolment }) })
              }
            >
              {user.mfaEnrolled ? t('security.reenrol') : t('security.enrol')}
            </Button>
          </div>
        </>
      ) : null}
      {step.kind === 'scan' ? (
        <EnrolMfa
          enrolment={step.enrolment}
          onConfirmed={(codes) => setStep({ kind: 'codes', codes })}
          onCancel={() => {
            start.reset();
            setStep({ kind: 'idle' });
          }}
        />
      ) : null}
      {step.kind === 'codes' ? (
        <RecoveryCodes
          codes={step.codes}
          onDone={() => {
            start.reset();
            setStep({ kind: 'idle' });
          }}
        />
      ) : null}
    </Stack>
  );
}
