import { Injectable } from '@nestjs/common';
import { MesaError } from '../../common/errors/mesa-error';
import { PasswordHasher } from './password-hasher';
import { checkPasswordPolicy } from './password-policy.rules';

/** Applies the seed's password policy and hashes; errors name the field the caller used. */
@Injectable()
export class PasswordService {
  constructor(private readonly hasher: PasswordHasher) {}

  async hashNew(password: string, field: string): Promise<string> {
    const violations = checkPasswordPolicy(password);
    if (violations.length) {
      throw new MesaError('PASSWORD_POLICY_VIOLATION', `La contraseña ${violations.map((v) => v.message).join('; ')}.`, {
        errors: violations.map((v) => ({ field, message: `La contraseña ${v.message}` })),
        extra: { rules: violations.map((v) => v.rule) },
      });
    }
    return this.hasher.hash(password);
  }

  verify(hash: string | null, password: string): Promise<boolean> {
    return this.hasher.verify(hash, password);
  }
}
