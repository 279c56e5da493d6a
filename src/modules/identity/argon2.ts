import { Algorithm, hash, verify } from '@node-rs/argon2';

export type Argon2Cost = { memoryCost: number; timeCost: number };

/** OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane). */
export const DEFAULT_ARGON2_COST: Argon2Cost = { memoryCost: 19456, timeCost: 2 };

// @node-rs/argon2 ships prebuilt binaries per platform as optional packages (no install script);
// the `argon2` package's prebuilt binary segfaulted on this machine's Node 20 without a source build.
export function hashPassword(password: string, cost: Argon2Cost = DEFAULT_ARGON2_COST): Promise<string> {
  return hash(password, { algorithm: Algorithm.Argon2id, memoryCost: cost.memoryCost, timeCost: cost.timeCost, parallelism: 1 });
}

export function verifyPassword(hashed: string, password: string): Promise<boolean> {
  return verify(hashed, password).catch(() => false);
}
