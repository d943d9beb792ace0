import type { FastifyInstance } from 'fastify';
import type { Auditor } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { FieldCipher } from '../../platform/crypto/secrets.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Notifier } from '../../platform/events/types.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { IntelFeature } from '../intel/index.ts';
import { PersonalData } from './personal-data.ts';
import { checkDeadlineTable, DEFAULT_DEADLINES, type DeadlineTable } from './protocol.ts';
import { rescueRoutes } from './rescue.routes.ts';
import { DEADLINE_JOB, type RescueDeps, rescueCases, type ScamCentreRef } from './rescue.service.ts';

export { DEADLINE_JOB };
export type RescueFeature = ReturnType<typeof createRescueFeature>;

export interface RescueFeatureDeps {
  database: Database;
  clock: Clock;
  audit: Auditor;
  events: Notifier;
  /** The platform cipher (current key, and previous keys for reading). */
  cipher: FieldCipher;
  secretKey: Buffer;
  /** Hours per stage per risk level (default: DEFAULT_DEADLINES). */
  deadlines?: DeadlineTable;
  /** A scam centre of the intelligence feature, if it exists and the viewer may see it. */
  scamCentre: (viewer: Viewer, id: string) => Promise<ScamCentreRef | null>;
  /** The notices feature, where it exists (a case person becomes a draft Yellow Notice). */
  notices?: RescueDeps['notices'];
}

/** Pillar 4: locate, rescue and repatriate trafficking victims. */
export function createRescueFeature(deps: RescueFeatureDeps) {
  const deadlines = deps.deadlines ?? DEFAULT_DEADLINES;
  const problems = checkDeadlineTable(deadlines);
  if (problems.length > 0) throw new Error(`rescue deadlines: ${problems.join('; ')}`);
  const personal = new PersonalData(deps.cipher, deps.secretKey);
  const cases = rescueCases({ ...deps, personal, deadlines });
  const feature = {
    database: deps.database,
    deadlines,
    personal,
    cases,
    async register(app: FastifyInstance) {
      await app.register(rescueRoutes, { rescue: feature });
    },
  };
  return feature;
}

/** The scam-centre lookup over the intelligence feature: the entity, if it is a scam centre the viewer may see. */
export function scamCentresOf(intel: Pick<IntelFeature, 'links'>) {
  return async (viewer: Viewer, id: string): Promise<ScamCentreRef | null> => {
    try {
      const { entity } = await intel.links.entity(viewer, id);
      if (entity.kind !== 'scam-centre') return null;
      return {
        id: entity.id,
        label: entity.label,
        country: entity.country,
        lat: entity.location?.lat ?? null,
        lon: entity.location?.lon ?? null,
      };
    } catch (e) {
      if (e instanceof NotFoundError) return null;
      throw e;
    }
  };
}
