import { ERROR_STATUS, type ErrorCode } from './error-codes';

export type FieldError = { field: string; message: string };

/**
 * Transport-free domain error. Services throw it; the global filter turns it into
 * problem+json; in jobs a non-retryable one becomes BullMQ's UnrecoverableError.
 */
export class MesaError extends Error {
  readonly errors: FieldError[];
  readonly retryable: boolean;
  readonly extra: Record<string, unknown>;

  constructor(
    readonly code: ErrorCode,
    detail: string,
    options: { field?: string; errors?: FieldError[]; retryable?: boolean; extra?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.name = 'MesaError';
    this.errors = options.errors ?? (options.field ? [{ field: options.field, message: detail }] : []);
    this.retryable = options.retryable ?? false;
    this.extra = options.extra ?? {};
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
