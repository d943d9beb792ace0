import type { Agency, AgencyKind, NewAgency } from '@cordon/contracts';
import type { Auditor } from '../../platform/audit/audit.ts';
import { hasRole, type Viewer } from '../../platform/auth/viewer.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { emit } from '../../platform/events/outbox.ts';
import type { Notifier } from '../../platform/events/types.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import type { AgenciesRepository } from './agencies.repository.ts';
import { countryOf } from './countries.ts';

export interface AgenciesDeps {
  database: Database;
  audit: Auditor;
  agencies: AgenciesRepository;
  clock: Clock;
  events: Notifier;
}

/** The member agencies of the network. Only the hub administrator registers new ones. */
export class AgenciesService {
  constructor(private readonly d: AgenciesDeps) {}

  list(_viewer: Viewer, filter: { country?: string; kind?: AgencyKind } = {}): Promise<Agency[]> {
    return this.d.agencies.list(this.d.database.db, filter);
  }

  async get(_viewer: Viewer, id: string): Promise<Agency> {
    const a = await this.d.agencies.get(this.d.database.db, id);
    if (!a) throw new NotFoundError('agency');
    return a;
  }

  async register(viewer: Viewer, input: NewAgency, requestId?: string): Promise<Agency> {
    if (!hasRole(viewer, 'hub-admin')) throw new ForbiddenError('Only the hub administrator registers agencies.');
    const country = countryOf(input.country);
    if (!country) throw ValidationError.field('country', `${input.country} is not an ISO 3166-1 alpha-2 country code`);
    if (input.kind === 'hub') throw ValidationError.field('kind', 'there is only one hub');
    const name = input.name.trim();
    const registered = await this.d.database.transaction(async (tx) => {
      if (await this.d.agencies.findByName(tx, country.code, name)) {
        throw new ConflictError(`An agency named "${name}" already exists in ${country.code}.`, [
          { field: 'name', message: 'already registered in this country' },
        ]);
      }
      const agency = await this.d.agencies.insert(tx, {
        name,
        country: country.code,
        region: country.region,
        kind: input.kind,
      });
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'agency.registered',
          objectType: 'agency',
          objectId: agency.id,
          details: { name, country: country.code, kind: input.kind },
        },
      );
      await emit(tx, {
        topic: 'agencies.agency.registered',
        data: { agencyId: agency.id, name, country: country.code, kind: input.kind },
        audience: { kind: 'members' },
        occurredAt: this.d.clock.now(),
      });
      return agency;
    });
    this.d.events.notify();
    return registered;
  }
}
