export { cancelJob, type Enqueued, enqueue, type NewJob } from './enqueue.ts';
export { pruneJobs } from './jobs.repository.ts';
export type { JobStatus } from './jobs.tables.ts';
export {
  type JobContext,
  type JobHandler,
  JobLeaseLostError,
  JobRunner,
  type JobRunnerOptions,
  PermanentJobError,
  type RunSummary,
} from './runner.ts';
