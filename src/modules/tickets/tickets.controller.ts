import { Controller, Delete, Get, HttpCode, Patch, Post, Req, Sse, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { catchError, EMPTY, from, merge, type Observable, startWith, switchMap, takeUntil } from 'rxjs';
import { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { WriteRateLimiter } from '../../common/infra/write-rate-limiter';
import { ApiIdParam, ApiZodBody, ApiZodQuery, IdParam, ZodBody, ZodQuery } from '../../common/http/api.decorators';
import { ApiNoContent, ApiStreamResponse, ApiZodResponse } from '../../common/http/api-responses';
import {
  articleBody,
  approvalBody,
  myActionResponse,
  articleResponse,
  articlesResponse,
  attachmentResponse,
  attachmentsResponse,
  bulkResponse,
  historyResponse,
  createdLinkResponse,
  linksResponse,
  mergeResponse,
  requesterContextResponse,
  ticketCountersResponse,
  ticketOverviewResponse,
  ticketDetailResponse,
  ticketLookupResponse,
  ticketPageResponse,
  ticketResponse,
  assignBody,
  bulkBody,
  createTicketBody,
  escalateBody,
  linkBody,
  lookupQuery,
  mergeBody,
  proposeSolutionBody,
  reasonBody,
  takeBody,
  ticketListQuery,
  transitionBody,
  updateTicketBody,
} from './dto/tickets.dto';
import { CurrentLiveConnection, LiveConnectionGuard } from '../identity/live-connection.guard';
import type { LiveConnection } from '../identity/live-connections.service';
import { TicketAccess } from './ticket-access.service';
import { TicketAttachmentsService } from './ticket-attachments.service';
import { readUpload } from './upload.reader';
import { TicketLinksService } from './ticket-links.service';
import { TicketsBulkService } from './tickets-bulk.service';
import { type SseMessage, TicketEventsStream } from './ticket-events.stream';
import { NotificationsLive } from '../outbox/notifications-live.service';
import { TicketWorkflowService } from './ticket-workflow.service';
import { TicketsService } from './tickets.service';

const uploadFields = z.strictObject({ articleId: z.uuid().optional() });

@ApiTags('tickets')
@Controller('v1/tickets')
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly workflow: TicketWorkflowService,
    private readonly access: TicketAccess,
    private readonly stream: TicketEventsStream,
    private readonly links: TicketLinksService,
    private readonly attachments: TicketAttachmentsService,
    private readonly bulkService: TicketsBulkService,
    private readonly writeLimits: WriteRateLimiter,
    private readonly notificationsLive: NotificationsLive,
  ) {}

  @Post()
  @Access('tickets.use')
  @ApiZodBody(createTicketBody)
  @ApiZodResponse(ticketResponse, 201)
  async create(@CurrentActor() actor: Actor, @ZodBody(createTicketBody) body: z.output<typeof createTicketBody>) {
    await this.writeLimits.consume('ticketCreates', actor.userId);
    return this.tickets.create(actor, body);
  }

  @Get()
  @Access('tickets.use')
  @ApiZodQuery(ticketListQuery)
  @ApiZodResponse(ticketPageResponse)
  list(@CurrentActor() actor: Actor, @ZodQuery(ticketListQuery) q: z.output<typeof ticketListQuery>) {
    return this.tickets.list(actor, q);
  }

  @Get('overview')
  @Access('tickets.overview')
  @ApiZodResponse(ticketOverviewResponse)
  overview(@CurrentActor() actor: Actor) {
    return this.tickets.overview(actor);
  }

  @Get('counters')
  @Access('tickets.work')
  @ApiZodResponse(ticketCountersResponse)
  counters(@CurrentActor() actor: Actor) {
    return this.tickets.counters(actor);
  }

  @Get('my-action')
  @Access('tickets.work')
  @ApiZodResponse(myActionResponse)
  myAction(@CurrentActor() actor: Actor) {
    return this.tickets.myAction(actor);
  }

  /**
   * Live updates for queues and open tickets (Server-Sent Events), filtered by the caller's scope.
   * The stream holds one of the user's capped slots and ends once its session or token no longer
   * stands as it did (logout, revocation, disabling, new roles: the client reconnects, or cannot).
   * Its scope is read again whenever the user changes otherwise (joining or leaving a team), so a
   * resolver taken off a team stops hearing of its tickets at once.
   */
  @Sse('events')
  @Access('tickets.use')
  @UseGuards(LiveConnectionGuard)
  @ApiStreamResponse(
    ['text/event-stream'],
    'Server-Sent Events: `ticket` events with the changed ticket id, `notification` events when the user’s notifications change, and keep-alive comments.',
  )
  async events(@CurrentActor() actor: Actor, @CurrentLiveConnection() connection: LiveConnection): Promise<Observable<SseMessage>> {
    const first = await this.access.scopeFor(actor);
    // The old scope keeps serving until the new one is read (or if it cannot be): no event falls between the two.
    const scopes = connection.rechecked.pipe(
      switchMap(() => from(this.access.scopeFor(actor)).pipe(catchError(() => EMPTY))),
      startWith(first),
    );
    // The bell rides on the same stream (one slot of LIVE_STREAMS_PER_USER per tab, not two).
    return merge(scopes.pipe(switchMap((scope) => this.stream.forScope(scope))), this.notificationsLive.forUser(actor.userId)).pipe(
      takeUntil(connection.ended),
    );
  }

  @Post('bulk')
  @HttpCode(200)
  @Access('tickets.work')
  @ApiZodBody(bulkBody)
  @ApiZodResponse(bulkResponse)
  bulk(@CurrentActor() actor: Actor, @ZodBody(bulkBody) body: z.output<typeof bulkBody>) {
    return this.bulkService.run(actor, body);
  }

  @Get('lookup')
  @Access('tickets.work')
  @ApiZodQuery(lookupQuery)
  @ApiZodResponse(ticketLookupResponse)
  lookup(@CurrentActor() actor: Actor, @ZodQuery(lookupQuery) q: z.output<typeof lookupQuery>) {
    return this.tickets.lookup(actor, q.q, q.limit);
  }

  @Get(':id')
  @Access('tickets.use')
  @ApiIdParam()
  @ApiZodResponse(ticketDetailResponse)
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.tickets.get(actor, id);
  }

  /** The agent's sidebar: the requester's contact data and their other tickets within the caller's scope. */
  @Get(':id/requester-context')
  @Access('tickets.work')
  @ApiIdParam()
  @ApiZodResponse(requesterContextResponse)
  requesterContext(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.tickets.requesterContext(actor, id);
  }

  @Patch(':id')
  @Access('tickets.work')
  @ApiIdParam()
  @ApiZodBody(updateTicketBody)
  @ApiZodResponse(ticketResponse)
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(updateTicketBody) body: z.output<typeof updateTicketBody>) {
    return this.tickets.update(actor, id, body);
  }

  @Get(':id/history')
  @Access('tickets.use')
  @ApiIdParam()
  @ApiZodResponse(historyResponse)
  history(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.tickets.history(actor, id);
  }

  @Get(':id/articles')
  @Access('tickets.use')
  @ApiIdParam()
  @ApiZodResponse(articlesResponse)
  articles(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.tickets.articles(actor, id);
  }

  @Post(':id/articles')
  @Access('tickets.use')
  @ApiIdParam()
  @ApiZodBody(articleBody)
  @ApiZodResponse(articleResponse, 201)
  async addArticle(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(articleBody) body: z.output<typeof articleBody>) {
    await this.writeLimits.consume('replies', actor.userId);
    return this.tickets.addArticle(actor, id, body.kind, body.body);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Access('tickets.use')
  @ApiIdParam()
  @ApiZodBody(transitionBody)
  @ApiZodResponse(ticketResponse)
  transition(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(transitionBody) body: z.output<typeof transitionBody>) {
    return this.workflow.transition(actor, id, body);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Access('tickets.work')
  @ApiIdParam()
  @ApiZodBody(assignBody)
  @ApiZodResponse(ticketResponse)
  assign(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(assignBody) body: z.output<typeof assignBody>) {
    return this.workflow.assign(actor, id, body);
  }

  @Post(':id/take')
  @HttpCode(200)
  @Access('tickets.work')
  @ApiIdParam()
  @ApiZodBody(takeBody)
  @ApiZodResponse(ticketResponse)
  take(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(takeBody) body: z.output<typeof takeBody>) {
    return this.workflow.take(actor, id, body.version);
  }

  @Post(':id/escalate')
  @HttpCode(200)
  @Access('tickets.work')
  @ApiIdParam()
  @ApiZodBody(escalateBody)
  @ApiZodResponse(ticketResponse)
  escalate(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(escalateBody) body: z.output<typeof escalateBody>) {
    return this.workflow.escalate(actor, id, body);
  }

  @Post(':id/return-to-coordinator')
  @HttpCode(200)
  @Access('tickets.work')
  @ApiIdParam()
  @ApiZodBody(reasonBody)
  @ApiZodResponse(ticketResponse)
  returnToCoordinator(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(reasonBody) body: z.output<typeof reasonBody>) {
    return this.workflow.returnToCoordinator(actor, id, body.version, body.reason);
  }

  @Post(':id/proposed-solution')
  @HttpCode(200)
  @Access('tickets.work')
  @ApiIdParam()
  @ApiZodBody(proposeSolutionBody)
  @ApiZodResponse(ticketResponse)
  proposeSolution(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(proposeSolutionBody) body: z.output<typeof proposeSolutionBody>) {
    return this.workflow.proposeSolution(actor, id, body.version, body.solution);
  }

  @Post(':id/approval')
  @HttpCode(200)
  @Access('tickets.use')
  @ApiIdParam()
  @ApiZodBody(approvalBody)
  @ApiZodResponse(ticketResponse)
  approval(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(approvalBody) body: z.output<typeof approvalBody>) {
    return this.workflow.decideApproval(actor, id, body.version, body.decision, body.reason);
  }

  @Post(':id/more-time')
  @HttpCode(200)
  @Access('tickets.work')
  @ApiIdParam()
  @ApiZodBody(reasonBody)
  @ApiZodResponse(ticketResponse)
  moreTime(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(reasonBody) body: z.output<typeof reasonBody>) {
    return this.workflow.moreTime(actor, id, body.version, body.reason);
  }

  @Get(':id/links')
  @Access('tickets.use')
  @ApiIdParam()
  @ApiZodResponse(linksResponse)
  listLinks(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.links.list(actor, id);
  }

  @Post(':id/links')
  @Access('tickets.work')
  @ApiIdParam()
  @ApiZodBody(linkBody)
  @ApiZodResponse(createdLinkResponse, 201)
  addLink(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(linkBody) body: z.output<typeof linkBody>) {
    return this.links.add(actor, id, body.toTicketId, body.kind);
  }

  @Delete(':id/links/:linkId')
  @HttpCode(204)
  @Access('tickets.work')
  @ApiIdParam()
  @ApiIdParam('linkId')
  @ApiNoContent()
  async removeLink(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('linkId') linkId: string): Promise<void> {
    await this.links.remove(actor, id, linkId);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Access('tickets.work')
  @ApiIdParam()
  @ApiZodBody(mergeBody)
  @ApiZodResponse(mergeResponse)
  merge(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(mergeBody) body: z.output<typeof mergeBody>) {
    return this.links.merge(actor, id, body.intoTicketId, body.version, body.reason);
  }

  @Get(':id/attachments')
  @Access('tickets.use')
  @ApiIdParam()
  @ApiZodResponse(attachmentsResponse)
  listAttachments(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.attachments.list(actor, id);
  }

  @Post(':id/attachments')
  @Access('tickets.use')
  @ApiIdParam()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' }, articleId: { type: 'string', format: 'uuid' } } },
  })
  @ApiZodResponse(attachmentResponse, 201)
  async upload(@CurrentActor() actor: Actor, @IdParam() id: string, @Req() req: FastifyRequest) {
    // Counted before the body is read: a flood of uploads costs neither memory nor disk.
    await this.writeLimits.consume('uploads', actor.userId);
    const { file, fields } = await readUpload(req);
    const parsed = uploadFields.parse(fields);
    return this.attachments.upload(actor, id, file, parsed.articleId ?? null);
  }
}
