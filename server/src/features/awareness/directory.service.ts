import type {
  ConsoleDirectoryEntry,
  DirectoryEntry,
  DirectoryEntryChanges,
  NewDirectoryEntry,
  Role,
} from '@cordon/contracts';
import type { Auditor } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { AwarenessRepository } from './awareness.repository.ts';

/** Hotlines, shelters, embassies, NGOs and reporting points by country, shown in the portal. */
/** Who maintains the support directory of their agency's country. */
export const DIRECTORY_ROLES: Role[] = ['agency-admin', 'supervisor', 'case-worker', 'hub-admin'];

export class DirectoryService {
  readonly repo = new AwarenessRepository();
  constructor(private readonly d: { database: Database; clock: Clock; audit: Auditor }) {}

  /** An agency adds entries for its own country (the hub for any country). */
  async add(viewer: Viewer, input: NewDirectoryEntry, isHub: boolean, requestId?: string): Promise<DirectoryEntry> {
    if (!isHub && input.country !== viewer.country) {
      throw new ValidationError([
        { field: 'country', message: `your agency maintains entries for ${viewer.country} only` },
      ]);
    }
    const id = await this.d.database.transaction(async (tx) => {
      const row = await this.repo.insertDirectoryEntry(tx, {
        country: input.country,
        kind: input.kind,
        name: input.name,
        phone: input.phone ?? null,
        url: input.url ?? null,
        languages: input.languages ?? [],
        notes: input.notes ?? '',
        demo: false,
        agency_id: viewer.agencyId,
        created_at: this.d.clock.now(),
      });
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        { action: 'awareness.directory.added', objectType: 'support_directory', objectId: row.id },
      );
      return row.id;
    });
    const entry = (await this.list(input.country)).find((e) => e.id === id);
    if (!entry) throw new NotFoundError('directory entry');
    return entry;
  }

  /** An agency removes its own entries (the hub any entry, including demo ones). */
  async remove(viewer: Viewer, id: string, isHub: boolean, requestId?: string): Promise<void> {
    await this.d.database.transaction(async (tx) => {
      const gone = await this.repo.deleteDirectoryEntry(tx, id, isHub ? null : viewer.agencyId);
      if (!gone) throw new NotFoundError('directory entry');
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        { action: 'awareness.directory.removed', objectType: 'support_directory', objectId: id },
      );
    });
  }

  /** Changes an entry: an agency its own entries, the hub any entry (demo ones included). */
  async update(
    viewer: Viewer,
    id: string,
    changes: DirectoryEntryChanges,
    isHub: boolean,
    requestId?: string,
  ): Promise<ConsoleDirectoryEntry> {
    await this.d.database.transaction(async (tx) => {
      const row = await this.repo.directoryEntry(tx, id, true);
      if (!row || (!isHub && row.agency_id !== viewer.agencyId)) throw new NotFoundError('directory entry');
      await this.repo.updateDirectoryEntry(tx, id, {
        ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.phone !== undefined ? { phone: changes.phone } : {}),
        ...(changes.url !== undefined ? { url: changes.url } : {}),
        ...(changes.languages !== undefined ? { languages: changes.languages } : {}),
        ...(changes.notes !== undefined ? { notes: changes.notes } : {}),
      });
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'awareness.directory.updated',
          objectType: 'support_directory',
          objectId: id,
          details: { fields: Object.keys(changes).sort() },
        },
      );
    });
    const entry = (await this.forConsole(viewer, isHub)).find((e) => e.id === id);
    if (!entry) throw new NotFoundError('directory entry');
    return entry;
  }

  /** The directory as the console shows it, with who maintains each entry and what the viewer may change. */
  async forConsole(viewer: Viewer, isHub: boolean, country?: string): Promise<ConsoleDirectoryEntry[]> {
    return (await this.repo.directory(this.d.database.db, country)).map((r) => ({
      ...this.toEntry(r),
      agencyId: r.agency_id,
      editable: isHub || (r.agency_id !== null && r.agency_id === viewer.agencyId),
    }));
  }

  private toEntry(r: Awaited<ReturnType<AwarenessRepository['directory']>>[number]): DirectoryEntry {
    return {
      id: r.id,
      country: r.country,
      kind: r.kind as DirectoryEntry['kind'],
      name: r.name,
      phone: r.phone,
      url: r.url,
      languages: r.languages,
      notes: r.notes,
      demo: r.demo,
    };
  }

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
