import { Inject, Injectable } from '@nestjs/common';
import { hashPassword, verifyPassword } from './argon2';
import { APP_CONFIG, type AppConfig } from '../../config/config';

@Injectable()
export class PasswordHasher {
  // Verified against when the e-mail is unknown, so response time does not reveal which accounts exist.
  private dummyHash?: Promise<string>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return hashPassword(password, this.config.argon2);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    if (!hash) {
      this.dummyHash ??= this.hash('dummy-password-1!');
      await verifyPassword(await this.dummyHash, password);
      return false;
    }
    return verifyPassword(hash, password);
  }
}
