import { Module } from '@nestjs/common';
import { AttachmentsSweeper } from './attachments-sweeper';
import { AttachmentStorage } from './attachment-storage';
import { TicketsProcessor } from './tickets.processor';

@Module({ providers: [AttachmentStorage, AttachmentsSweeper, TicketsProcessor], exports: [AttachmentsSweeper] })
export class TicketsWorkerModule {}
