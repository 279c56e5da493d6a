import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobRegistry } from '../system/job-registry';
import { JOBS } from '../system/jobs';
import { OutboxRelayService } from './outbox-relay.service';

/** Worker-only: the repeatable relay job. */
@Injectable()
export class OutboxProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly relay: OutboxRelayService,
  ) {}

  onModuleInit(): void {
    this.registry.register(JOBS.outboxRelay, () => this.relay.relayBatch());
  }
}
