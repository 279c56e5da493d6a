import type { EntityManager } from 'typeorm';

// Namespace of the per-blob advisory locks (two-int4 key space: does not meet the bigint keys
// of the singleton jobs). A hashtext collision only makes the sweep skip a blob until next time.
const BLOB_LOCK_NAMESPACE = 4_242_101;

/** An upload holds this (shared, to commit) from writing a blob until its row is committed. */
export async function lockBlobShared(m: EntityManager, sha256: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock_shared($1, hashtext($2))`, [BLOB_LOCK_NAMESPACE, sha256]);
}

/** The sweep takes it exclusively, without waiting: a blob being uploaded right now is skipped. */
export async function tryLockBlobExclusive(m: EntityManager, sha256: string): Promise<boolean> {
  const [{ locked }] = (await m.query(`SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked`, [BLOB_LOCK_NAMESPACE, sha256])) as { locked: boolean }[];
  return locked;
}
