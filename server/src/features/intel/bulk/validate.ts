import { NewReport } from '@cordon/contracts';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export interface FieldError {
  field: string;
  message: string;
}

let compiled: ValidateFunction | undefined;

/**
 * Checks a submission against the NewReport contract the API enforces, before it is sent: the
 * import can then name the field at fault (dotted path, e.g. `selectors.3.value`).
 */
export function checkNewReport(input: unknown): FieldError[] {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    compiled = ajv.compile(NewReport);
  }
  if (compiled(input)) return [];
  return (compiled.errors ?? []).map((e) => ({
    field: e.instancePath.slice(1).replace(/\//g, '.') || '(report)',
    message: e.message ?? 'invalid',
  }));
}
