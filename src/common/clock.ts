import { Injectable } from '@nestjs/common';

/**
 * The current instant, injected wherever a decision depends on "now" so tests move time
 * instead of sleeping (replace `now` on the app's instance).
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
