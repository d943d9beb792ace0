/**
 * `npm run train:job-checker`: trains the job-offer and message models from the reference corpora
 * and writes the artefacts next to this file (models/*.json). Deterministic (fixed seeds).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEmscad, loadSms } from './datasets.ts';
import { JOB_CONFIG, SMS_CONFIG, type TrainResult, trainTextModel } from './train.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function report(name: string, r: TrainResult) {
  const m = r.test;
  console.log(
    `${name}: records ${r.split.records}, exact duplicates dropped ${r.split.duplicatesDropped}, groups ${r.split.groups}, train ${r.split.train} (${r.split.trainPositives} positive), held out ${r.split.test} (${m.positives} positive)`,
  );
  console.log(
    `  threshold ${m.threshold}  precision ${pct(m.precision)}  recall ${pct(m.recall)}  F1 ${m.f1.toFixed(3)}  ROC AUC ${m.rocAuc.toFixed(3)}  (tp ${m.tp} fp ${m.fp} tn ${m.tn} fn ${m.fn})`,
  );
}

const out = join(import.meta.dirname, 'models');
const job = trainTextModel(loadEmscad(), JOB_CONFIG);
report('job-offer model', job);
writeFileSync(join(out, 'job-offer.json'), `${JSON.stringify(job.artefact)}\n`);
const sms = trainTextModel(loadSms(), SMS_CONFIG);
report('message model', sms);
writeFileSync(join(out, 'message.json'), `${JSON.stringify(sms.artefact)}\n`);
