import type { DirectoryEntry } from '@cordon/contracts';
import type { Database } from '../../platform/db/database.ts';
import { AwarenessRepository } from './awareness.repository.ts';

/** Hotlines, shelters, embassies, NGOs and reporting points by country, shown in the portal. */
export class DirectoryService {
  readonly repo = new AwarenessRepository();
  constructor(private readonly d: { database: Database }) {}

  async list(country?: string): Promise<DirectoryEntry[]> {
    return (await this.repo.directory(this.d.database.db, country)).map((r) => ({
      id: r.id,
      country: r.country,
      kind: r.kind as DirectoryEntry['kind'],
      name: r.name,
      phone: r.phone,
      url: r.url,
      languages: r.languages,
      notes: r.notes,
      demo: r.demo,
    }));
  }
}
