import type { UseFormReturnType } from '@mantine/form';
import type { ReportFormValues } from './formModel.ts';

export type ReportForm = UseFormReturnType<ReportFormValues>;
