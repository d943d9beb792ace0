import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckReason, CheckResult } from '@cordon/contracts';
import { normaliseSelector, type Selector, type SelectorInput } from '../../intel/selectors/index.ts';
import { type Indicator, messageIndicators, recruitmentIndicators } from './indicators.ts';
import { type ModelArtefact, TextModel } from './model.ts';

/** Looks canonical selector keys up in the warning list (selectors agencies published as TLP:CLEAR). */
export type WarningListLookup = (keys: string[]) => Promise<Set<string>>;

let cached: { job: TextModel; message: TextModel } | null = null;

/** The committed models (models/*.json), loaded once per process. */
export function loadModels(): { job: TextModel; message: TextModel } {
  if (!cached) {
    const read = (name: string) =>
      new TextModel(JSON.parse(readFileSync(join(import.meta.dirname, 'models', name), 'utf8')) as ModelArtefact);
    cached = { job: read('job-offer.json'), message: read('message.json') };
  }
  return cached;
}

export function normaliseAll(candidates: readonly SelectorInput[]): Selector[] {
  const byKey = new Map<string, Selector>();
  const tried = new Set<string>();
  for (const c of candidates) {
    const id = `${c.kind}|${c.platform ?? ''}|${c.country ?? ''}|${c.value}`;
    if (!c.value || tried.has(id)) continue;
    tried.add(id);
    const r = normaliseSelector(c);
    if (r.ok && !byKey.has(r.selector.key)) byKey.set(r.selector.key, r.selector);
  }
  return [...byKey.values()];
}

/**
 * Risk level from the three sources: a warning-list match or a high-severity indicator is high;
 * two medium signals (indicators, or the model) are high; one is medium; none is low.
 */
export function combine(
  modelScore: number,
  modelFlagged: boolean,
  modelTerms: string[],
  indicators: Indicator[],
  listed: Selector[],
  modelCode: string,
): CheckResult {
  const reasons: CheckReason[] = [];
  for (const s of listed) reasons.push({ code: 'warning-list', severity: 'high', evidence: [s.display] });
  for (const i of indicators) reasons.push({ code: i.code, severity: i.severity, evidence: [i.evidence] });
  if (modelFlagged) reasons.push({ code: modelCode, severity: 'medium', evidence: modelTerms });
  const high = reasons.filter((r) => r.severity === 'high').length;
  const medium = reasons.filter((r) => r.severity === 'medium').length;
  const risk = high > 0 || medium >= 2 ? 'high' : medium === 1 ? 'medium' : 'low';
  if (risk === 'low') reasons.push({ code: 'no-signal', severity: 'info', evidence: [] });
  return { risk, modelScore: Math.round(modelScore * 1000) / 1000, reasons };
}

export class Checker {
  constructor(
    private readonly lookup: WarningListLookup,
    private readonly models = loadModels(),
  ) {}

  private async listed(candidates: SelectorInput[]): Promise<Selector[]> {
    const selectors = normaliseAll(candidates);
    if (selectors.length === 0) return [];
    const hits = await this.lookup(selectors.map((s) => s.key));
    return selectors.filter((s) => hits.has(s.key));
  }

  async checkJob(text: string, selectorInputs: SelectorInput[]): Promise<CheckResult> {
    const m = this.models.job.explain(text);
    return combine(
      m.probability,
      m.flagged,
      m.topTerms,
      recruitmentIndicators(text),
      await this.listed(selectorInputs),
      'model-job-fraud',
    );
  }

  async checkMessage(text: string, selectorInputs: SelectorInput[]): Promise<CheckResult> {
    const m = this.models.message.explain(text);
    return combine(
      m.probability,
      m.flagged,
      m.topTerms,
      messageIndicators(text),
      await this.listed(selectorInputs),
      'model-message-spam',
    );
  }
}
