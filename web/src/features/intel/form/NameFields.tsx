import { TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportForm } from './types.ts';

/** The primary name and the aliases (any script) of a person or an organisation row. */
export function NameFields({
  form,
  path,
}: {
  form: ReportForm;
  path: `persons.${number}` | `organisations.${number}`;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput label={t('intel.form.name')} required autoComplete="off" {...form.getInputProps(`${path}.name`)} />
      <TagsInput
        label={t('intel.form.aliases')}
        description={t('intel.form.aliasesHint')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        {...form.getInputProps(`${path}.aliases`)}
      />
    </>
  );
}
