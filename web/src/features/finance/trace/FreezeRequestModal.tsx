import type { TraceResult } from '@cordon/contracts';
import { Button, Group, Modal, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useModalProps } from '../../../components/useModalProps.ts';
import { agenciesQuery, useCreateFreeze } from '../api/financeApi.ts';
import { useFinancePermissions } from '../roles.ts';

/** An urgent freeze request for the funds the trace puts on one account. */
export function FreezeRequestModal({
  node,
  trace,
  onClose,
}: {
  node: TraceResult['nodes'][number];
  trace: TraceResult;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { me } = useFinancePermissions();
  const agencies = useQuery(agenciesQuery);
  const create = useCreateFreeze();
  const navigate = useNavigate();
  const modalProps = useModalProps();
  const sameCountry = agencies.data?.find((a) => a.country === node.country && a.id !== me.agency.id);
  const [target, setTarget] = useState<string | null>(null);
  const [amount, setAmount] = useState(node.held);
  const [legalBasis, setLegalBasis] = useState('');
  const [caseRef, setCaseRef] = useState('');
  const [deadline, setDeadline] = useState<number>(24);
  const [override, setOverride] = useState('');
  const errors = fieldErrors(create.error);
  const targetId = target ?? sameCountry?.id ?? null;

  const submit = (send: boolean) =>
    create.mutate(
      {
        targetAgencyId: targetId ?? '',
        accountId: node.accountId,
        amount,
        currency: trace.currency,
        originTransactionIds: trace.origins.map((o) => o.transactionId),
        model: trace.model,
        legalBasis,
        deadlineHours: deadline,
        caseRef,
        ...(override.trim() ? { overrideReason: override.trim() } : {}),
        send,
      },
      { onSuccess: () => navigate({ to: '/finance/freezes' }) },
    );

  return (
    <Modal opened onClose={onClose} title={t('finance.freeze.newTitle')} size="lg" {...modalProps}>
      <Stack gap="sm">
        <Text size="sm">
          {t('finance.freeze.newIntro', { account: node.display, held: node.held, currency: trace.currency })}
        </Text>
        <Select
          label={t('finance.freeze.target')}
          data={(agencies.data ?? [])
            .filter((a) => a.id !== me.agency.id)
            .map((a) => ({ value: a.id, label: `${a.name} (${a.country})` }))}
          value={targetId}
          onChange={setTarget}
          searchable
          required
          error={errors.targetAgencyId}
          data-testid="freeze-target"
        />
        <TextInput
          label={t('finance.freeze.amount', { currency: trace.currency })}
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          required
          error={errors.amount}
        />
        <Textarea
          label={t('finance.freeze.override')}
          description={t('finance.freeze.overrideHelp')}
          value={override}
          onChange={(e) => setOverride(e.currentTarget.value)}
          error={errors.overrideReason}
        />
        <Textarea
          label={t('finance.freeze.legalBasis')}
          value={legalBasis}
          onChange={(e) => setLegalBasis(e.currentTarget.value)}
          required
          error={errors.legalBasis}
          data-testid="freeze-legal"
        />
        <Group grow>
          <TextInput
            label={t('finance.freeze.caseRef')}
            value={caseRef}
            onChange={(e) => setCaseRef(e.currentTarget.value)}
            required
            error={errors.caseRef}
            data-testid="freeze-case"
          />
          <NumberInput
            label={t('finance.freeze.deadlineHours')}
            value={deadline}
            onChange={(v) => setDeadline(Number(v) || 1)}
            min={1}
            max={720}
          />
        </Group>
        <ProblemAlert error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            variant="light"
            onClick={() => submit(false)}
            loading={create.isPending && create.variables?.send === false}
            data-testid="freeze-save-draft"
          >
            {t('finance.freeze.saveDraft')}
          </Button>
          <Button color="red.9" onClick={() => submit(true)} loading={create.isPending} data-testid="freeze-send">
            {t('finance.freeze.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
