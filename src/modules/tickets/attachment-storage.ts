import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../config/config';

/** Where a virus scanner plugs in (ClamAV, a vendor API): the default lets everything through. */
export abstract class AttachmentScanner {
  abstract scan(content: Buffer, fileName: string): Promise<{ clean: true } | { clean: false; reason: string }>;
}

@Injectable()
export class NoopAttachmentScanner extends AttachmentScanner {
  async scan(): Promise<{ clean: true }> {
    return { clean: true };
  }
}

/** Content-addressed files under DATA_DIR/attachments/ab/cd/<sha256>: the same file is stored once. */
@Injectable()
export class AttachmentStorage {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.dataDir, 'attachments');
  }

  private pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(content: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const path = this.pathOf(sha256);
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(join(this.root, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
      // Write then rename: a reader never sees half a file.
      const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, content);
      await rename(tmp, path);
    }
    return sha256;
  }

  open(sha256: string): ReadStream {
    return createReadStream(this.pathOf(sha256));
  }
}
