import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { ApiZodQuery, ZodQuery } from '../../common/http/api.decorators';
import { pageQuery } from '../../common/http/pagination';
import { isoDateTime } from '../../common/http/zod';
import { AuditService } from './audit.service';
import { ApiZodResponse } from '../../common/http/api-responses';
import { auditPageResponse } from './dto/audit.dto';

const auditQuery = z.strictObject({
  entity: z.string().min(1).max(50).optional(),
  entityId: z.string().min(1).max(100).optional(),
  actorId: z.uuid().optional(),
  action: z.enum(['create', 'update', 'delete']).optional(),
  from: isoDateTime().optional(),
  to: isoDateTime().optional(),
  ...pageQuery,
});

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Access('audit.read')
  @ApiZodQuery(auditQuery)
  @ApiZodResponse(auditPageResponse)
  list(@ZodQuery(auditQuery) q: z.output<typeof auditQuery>) {
    return this.audit.list(q);
  }
}
