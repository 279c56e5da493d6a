import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobRegistry } from '../system/job-registry';
import { JOBS } from '../system/jobs';
import { AttachmentsSweeper } from './attachments-sweeper';
import { PendingRemindersSweeper } from './pending-reminders.sweeper';

/** Worker-only: the tickets module's periodic jobs. */
@Injectable()
export class TicketsProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly sweeper: AttachmentsSweeper,
    private readonly reminders: PendingRemindersSweeper,
  ) {}

  onModuleInit(): void {
    this.registry.register(JOBS.attachmentsSweep, () => this.sweeper.sweep());
    this.registry.register(JOBS.ticketsRemind, () => this.reminders.sweep());
  }
}
