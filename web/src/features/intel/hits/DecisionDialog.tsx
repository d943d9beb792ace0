import { useTranslation } from 'react-i18next';
import { useDecideHit } from '../api/hitsApi.ts';
import { NoteDialog } from '../shared/NoteDialog.tsx';

/** Confirms or rejects a fuzzy hit (same person, same scam centre?), with an optional note. */
export function DecisionDialog({
  hitId,
  decision,
  onClose,
}: {
  hitId: string;
  decision: 'confirm' | 'reject' | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const decide = useDecideHit();
  const reject = decision === 'reject';
  return (
    <NoteDialog
      opened={decision !== null}
      title={reject ? t('intel.hits.rejectTitle') : t('intel.hits.confirmTitle')}
      intro={reject ? t('intel.hits.rejectIntro') : t('intel.hits.confirmIntro')}
      action={reject ? t('intel.hits.reject') : t('intel.hits.confirm')}
      colour={reject ? 'red' : undefined}
      pending={decide.isPending}
      error={decide.error}
      onSubmit={(note, done) => {
        if (decision) decide.mutate({ id: hitId, decision, note }, { onSuccess: done });
      }}
      onClose={() => {
        decide.reset();
        onClose();
      }}
    />
  );
}
