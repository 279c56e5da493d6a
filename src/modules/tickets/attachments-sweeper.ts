import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { tryLockBlobExclusive } from './attachment-blob-locks';
import { AttachmentStorage } from './attachment-storage';

export type SweepResult = { removed: number; skipped: number; unboundStaged: number };

const BATCH = 500;

/**
 * First deletes staged attachments (a request form's files, uploaded before their ticket) that
 * no ticket bound within the grace period: the create that would bind one locks it FOR UPDATE
 * and this DELETE re-checks `ticket_id IS NULL` after waiting for that lock, so a file is either
 * bound or deleted, never both. Their blobs are then unreferenced, and go with the rest below.
 *
 * Deletes blobs no attachment row references: left by a transaction that failed after writing
 * its bytes, or by a crash mid-write (`*.tmp`). Never a blob being written right now: only
 * files older than the grace period are candidates, and each is deleted under an exclusive
 * per-blob advisory lock that an upload holds (shared) from writing its bytes until its row
 * commits, after re-checking the reference and the age under that lock. Idempotent: a second
 * run, or two workers at once, find nothing more to delete.
 */
@Injectable()
export class AttachmentsSweeper {
  private readonly graceMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: AttachmentStorage,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.graceMs = config.attachments.orphanGraceMinutes * 60_000;
  }

  async sweep(now = new Date()): Promise<SweepResult> {
    const cutoff = now.getTime() - this.graceMs;
    const result: SweepResult = { removed: 0, skipped: 0, unboundStaged: 0 };
    const [, deleted] = (await this.dataSource.query(`DELETE FROM attachments WHERE ticket_id IS NULL AND created_at < $1`, [new Date(cutoff)])) as [
      unknown,
      number,
    ];
    result.unboundStaged = deleted;
    let batch: string[] = [];
    const paths = new Map<string, string>();
    for await (const blob of this.storage.list()) {
      if (blob.mtime.getTime() > cutoff) continue;
      if (blob.sha256 === null) {
        // A temporary file from a write that never finished (the rename would have replaced it).
        if (await this.storage.remove(blob.path)) result.removed++;
        continue;
      }
      batch.push(blob.sha256);
      paths.set(blob.sha256, blob.path);
      if (batch.length >= BATCH) {
        await this.sweepBatch(batch, paths, cutoff, result);
        batch = [];
        paths.clear();
      }
    }
    if (batch.length) await this.sweepBatch(batch, paths, cutoff, result);
    return result;
  }

  /** One query finds which old blobs are still referenced; each of the others is then deleted under its lock. */
  private async sweepBatch(shas: string[], paths: Map<string, string>, cutoff: number, result: SweepResult): Promise<void> {
    const rows = (await this.dataSource.query(`SELECT DISTINCT sha256 FROM attachments WHERE sha256 = ANY($1)`, [shas])) as { sha256: string }[];
    const referenced = new Set(rows.map((r) => r.sha256));
    for (const sha256 of shas) {
      if (referenced.has(sha256)) continue;
      const path = paths.get(sha256)!;
      const outcome = await this.dataSource.transaction(async (m) => {
        if (!(await tryLockBlobExclusive(m, sha256))) return 'skipped';
        // Re-checked under the lock: an upload may have committed a row since the batch query.
        const stillReferenced = ((await m.query(`SELECT 1 FROM attachments WHERE sha256 = $1 LIMIT 1`, [sha256])) as unknown[]).length > 0;
        if (stillReferenced) return 'kept';
        // Re-read under the lock: an upload that reused this blob refreshed its mtime first.
        const mtime = await this.storage.mtimeOf(path);
        if (!mtime || mtime.getTime() > cutoff) return 'kept';
        return (await this.storage.remove(path)) ? 'removed' : 'kept';
      });
      if (outcome === 'removed') result.removed++;
      if (outcome === 'skipped') result.skipped++;
    }
  }
}
