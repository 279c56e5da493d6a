/** Every job name, `<feature>.<verb>`; the worker refuses to start when one has no handler. */
export const JOBS = {
  systemHeartbeat: 'system.heartbeat',
  systemSweep: 'system.sweep',
  outboxRelay: 'outbox.relay',
  mailSend: 'mail.send',
  attachmentsSweep: 'attachments.sweep',
  ticketsRemind: 'tickets.remind',
} as const;

export type JobName = (typeof JOBS)[keyof typeof JOBS];

export const QUEUES = { system: 'system' } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Which queue carries each job. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  'system.heartbeat': 'system',
  'system.sweep': 'system',
  'outbox.relay': 'system',
  'mail.send': 'system',
  'attachments.sweep': 'system',
  'tickets.remind': 'system',
};
