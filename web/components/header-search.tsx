'use client';

import { TextInput } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { queueHref } from '@/lib/queue-query';
import { messages } from '@/messages/es-MX';

/** Ticket search from any page: opens the "Todos" view of the queue filtered by `q`. */
export function HeaderSearch() {
  const router = useRouter();
  const [q, setQ] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = q.trim();
    if (text) router.push(queueHref({ view: 'all', q: text }));
  }

  return (
    <form role="search" aria-label={messages.agent.headerSearch} onSubmit={submit} action="/agente" method="get">
      <input type="hidden" name="view" value="all" />
      <TextInput
        type="search"
        name="q"
        size="sm"
        w={{ base: 160, md: 260 }}
        aria-label={messages.agent.headerSearch}
        placeholder={messages.agent.headerSearchPlaceholder}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
      />
    </form>
  );
}
