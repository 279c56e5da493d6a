import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { MesaError } from '../errors/mesa-error';
import { FIELD_MESSAGES, uuidParam } from './zod';

/**
 * Path ids are checked before any pipe: Nest runs parameter pipes in decorator order (right to left),
 * so a bad body would otherwise hide a bad id.
 */
@Injectable()
export class PathIdsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const params = context.switchToHttp().getRequest<{ params?: Record<string, string> }>().params ?? {};
    const errors = Object.entries(params)
      .filter(([name, value]) => (name === 'id' || name.endsWith('Id')) && !uuidParam.safeParse(value).success)
      .map(([field]) => ({ field, message: FIELD_MESSAGES.uuid }));
    if (errors.length) throw new MesaError('REQUEST_INVALID', 'La solicitud no es válida.', { errors });
    return next.handle();
  }
}
