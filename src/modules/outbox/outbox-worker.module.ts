import { Module } from '@nestjs/common';
import { OutboxModule } from './outbox.module';
import { OutboxProcessor } from './outbox.processor';

@Module({ imports: [OutboxModule], providers: [OutboxProcessor] })
export class OutboxWorkerModule {}
