import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { ApiIdParam, ApiZodBody, ApiZodQuery, IdParam, ZodBody, ZodQuery } from '../../common/http/api.decorators';
import { ApiNoContent, ApiZodResponse } from '../../common/http/api-responses';
import {
  createTextModuleBody,
  renderedTextModuleResponse,
  renderTextModuleBody,
  textModuleListQuery,
  textModuleResponse,
  textModulesResponse,
  updateTextModuleBody,
} from './dto/text-modules.dto';
import { TextModulesService } from './text-modules.service';

@ApiTags('text-modules')
@Controller('v1/text-modules')
export class TextModulesController {
  constructor(private readonly modules: TextModulesService) {}

  @Get()
  @Access('textModules.use')
  @ApiZodQuery(textModuleListQuery)
  @ApiZodResponse(textModulesResponse)
  list(@CurrentActor() actor: Actor, @ZodQuery(textModuleListQuery) q: z.output<typeof textModuleListQuery>) {
    return this.modules.list(actor, q);
  }

  @Get(':id')
  @Access('textModules.use')
  @ApiIdParam()
  @ApiZodResponse(textModuleResponse)
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.modules.get(actor, id);
  }

  @Post()
  @Access('textModules.use')
  @ApiZodBody(createTextModuleBody)
  @ApiZodResponse(textModuleResponse, 201)
  create(@CurrentActor() actor: Actor, @ZodBody(createTextModuleBody) body: z.output<typeof createTextModuleBody>) {
    return this.modules.create(actor, body);
  }

  @Patch(':id')
  @Access('textModules.use')
  @ApiIdParam()
  @ApiZodBody(updateTextModuleBody)
  @ApiZodResponse(textModuleResponse)
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(updateTextModuleBody) body: z.output<typeof updateTextModuleBody>) {
    return this.modules.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access('textModules.use')
  @ApiIdParam()
  @ApiNoContent()
  async remove(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.modules.remove(actor, id);
  }

  @Post(':id/render')
  @HttpCode(200)
  @Access('textModules.use')
  @ApiIdParam()
  @ApiZodBody(renderTextModuleBody)
  @ApiZodResponse(renderedTextModuleResponse)
  render(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(renderTextModuleBody) body: z.output<typeof renderTextModuleBody>) {
    return this.modules.render(actor, id, body.ticketId);
  }
}
