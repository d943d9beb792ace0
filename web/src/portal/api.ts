import type {
  CheckResult,
  DirectoryEntry,
  FollowUpStatus,
  JobCheckRequest,
  MessageCheckRequest,
  NewMissingRelative,
  NewScamReport,
  PublicCampaign,
  PublicReceipt,
} from '@cordon/contracts';

/** A failed call: status and the field names the server blamed (RFC 9457 `errors`). */
export class PortalApiError extends Error {
  constructor(
    readonly status: number,
    readonly fields: string[],
  ) {
    super(`HTTP ${status}`);
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  });
  if (res.status === 204) return undefined as T;
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    const errors = (json as { errors?: { field: string }[] } | null)?.errors ?? [];
    throw new PortalApiError(
      res.status,
      errors.map((e) => e.field.replace(/^\/?(body[/.])?/, '').split(/[/.]/)[0] ?? e.field),
    );
  }
  return json as T;
}

export const portalApi = {
  checkJob: (b: JobCheckRequest) => call<CheckResult>('POST', '/api/public/check/job', b),
  checkMessage: (b: MessageCheckRequest) => call<CheckResult>('POST', '/api/public/check/message', b),
  reportScam: (b: NewScamReport) => call<PublicReceipt>('POST', '/api/public/reports/scam', b),
  reportRelative: (b: NewMissingRelative) => call<PublicReceipt>('POST', '/api/public/reports/missing-relative', b),
  status: (ref: string, token: string) =>
    call<FollowUpStatus>('POST', `/api/public/reports/${encodeURIComponent(ref)}/status`, { token }),
  add: (ref: string, token: string, text: string) =>
    call<FollowUpStatus>('POST', `/api/public/reports/${encodeURIComponent(ref)}/additions`, { token, text }),
  campaigns: (lang: string, country?: string) =>
    call<PublicCampaign[]>('GET', `/api/public/campaigns?lang=${lang}${country ? `&country=${country}` : ''}`),
  reach: (code: string, kind: 'view' | 'click', country?: string) =>
    call<void>('POST', `/api/public/campaigns/${encodeURIComponent(code)}/reach`, {
      kind,
      ...(country ? { country } : {}),
    }),
  directory: (country?: string) =>
    call<DirectoryEntry[]>('GET', `/api/public/directory${country ? `?country=${country}` : ''}`),
};
