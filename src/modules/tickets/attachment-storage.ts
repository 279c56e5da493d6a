import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { chmod, mkdir, readdir, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../config/config';

/**
 * The hook for a virus scanner (clamd, a vendor API). Mesa ships none and scans nothing: no
 * provider is registered, and uploads are checked only by extension, declared type and sniffed
 * content (attachment.rules.ts). To scan, provide a class extending this one in TicketsModule;
 * an upload it reports unclean is refused before it reaches the disk. See README "Attachments".
 */
export abstract class AttachmentScanner {
  abstract scan(content: Buffer, fileName: string): Promise<{ clean: true } | { clean: false; reason: string }>;
}

// Officials' documents: readable by Mesa's user and its group (a backup agent), never by others.
export const BLOB_FILE_MODE = 0o640;
export const BLOB_DIR_MODE = 0o750;

const SHA256 = /^[0-9a-f]{64}$/;

export const sha256Of = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

export type StoredBlob = { sha256: string | null; path: string; mtime: Date };

/** Content-addressed files under DATA_DIR/attachments/ab/cd/<sha256>: the same file is stored once. */
@Injectable()
export class AttachmentStorage {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.dataDir, 'attachments');
  }

  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /**
   * Stores the bytes under their sha256. An existing blob gets a fresh mtime: the orphan sweep
   * judges age by mtime, so a blob being referenced again is never "old" while that happens.
   */
  async put(content: Buffer, sha256 = sha256Of(content)): Promise<string> {
    const path = this.pathOf(sha256);
    const now = new Date();
    const exists = await utimes(path, now, now).then(
      () => true,
      () => false,
    );
    if (!exists) {
      const dir = join(this.root, sha256.slice(0, 2), sha256.slice(2, 4));
      await mkdir(dir, { recursive: true, mode: BLOB_DIR_MODE });
      // Write then rename: a reader never sees half a file. The mode is set explicitly too,
      // since writeFile's mode only applies when it creates the file and is cut by the umask.
      const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, content, { mode: BLOB_FILE_MODE });
      await chmod(tmp, BLOB_FILE_MODE);
      await rename(tmp, path);
    }
    return sha256;
  }

  open(sha256: string): ReadStream {
    return createReadStream(this.pathOf(sha256));
  }

  /** Every file under the store (blobs, and temporary files a crashed write left behind). */
  async *list(): AsyncGenerator<StoredBlob> {
    const level = async (dir: string) =>
      (await readdir(dir, { withFileTypes: true }).catch(() => [])).filter((d) => d.isDirectory() && /^[0-9a-f]{2}$/.test(d.name));
    for (const a of await level(this.root)) {
      for (const b of await level(join(this.root, a.name))) {
        const dir = join(this.root, a.name, b.name);
        for (const f of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
          if (!f.isFile()) continue;
          const path = join(dir, f.name);
          const info = await stat(path).catch(() => null);
          if (info) yield { sha256: SHA256.test(f.name) ? f.name : null, path, mtime: info.mtime };
        }
      }
    }
  }

  async mtimeOf(path: string): Promise<Date | null> {
    return stat(path).then(
      (s) => s.mtime,
      () => null,
    );
  }

  /** False when the file was already gone (another sweeper got there first). */
  async remove(path: string): Promise<boolean> {
    return unlink(path).then(
      () => true,
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return false;
        throw e;
      },
    );
  }
}
