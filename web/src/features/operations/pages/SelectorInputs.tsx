import { SELECTOR_KINDS } from '@cordon/contracts';
import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type SelectorKind = (typeof SELECTOR_KINDS)[number];

/** The kind of a selector and its value as typed (the server normalises it), for a grid of fields. */
export function SelectorInputs({
  kind,
  onKind,
  value,
  onValue,
  error,
}: {
  kind: SelectorKind;
  onKind: (kind: SelectorKind) => void;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Select
        label={t('operations.targets.selectorKind')}
        data={SELECTOR_KINDS.map((k) => ({ value: k, label: t(`intel.selectorKinds.${k}`) }))}
        value={kind}
        allowDeselect={false}
        onChange={(v) => v && onKind(v as SelectorKind)}
      />
      <TextInput
        label={t('operations.targets.value')}
        required
        value={value}
        onChange={(e) => onValue(e.currentTarget.value)}
        error={error}
      />
    </>
  );
}
