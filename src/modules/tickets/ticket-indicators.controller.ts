import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { ApiZodResponse } from '../../common/http/api-responses';
import { documentedIndicatorResponse } from './dto/tickets.dto';
import { TicketIndicatorsService } from './ticket-indicators.service';

/** Indicators computed from tickets (until a reports module takes them, under the same paths). */
@ApiTags('indicators')
@Controller('v1/indicators')
export class TicketIndicatorsController {
  constructor(private readonly indicators: TicketIndicatorsService) {}

  @Get('documented-services')
  @Access('catalog.indicators.read')
  @ApiZodResponse(documentedIndicatorResponse)
  documentedServices() {
    return this.indicators.documentedServices();
  }
}
