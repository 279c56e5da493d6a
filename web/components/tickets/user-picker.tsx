'use client';

import { Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { apiFetch } from '@/lib/api-client';
import type { UserItem } from '@/lib/api-types';

type Option = { value: string; label: string };

type Props = {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  /** Requesters (GET /users?role=requester) or desk staff. */
  kind: 'requester' | 'staff';
  /** Limits the choice to these users (a team's members); otherwise the list is searched. */
  memberIds?: string[];
  placeholder?: string;
  description?: string;
  nothingFound?: string;
  error?: string;
  required?: boolean;
};

const NON_STAFF = new Set(['requester', 'catalog_manager', 'admin']);
const isStaff = (u: UserItem) => u.roles.some((r) => !NON_STAFF.has(r));
const label = (u: UserItem) => `${u.fullName} (${u.email})`;
const SEARCH_DELAY_MS = 250;
/** Lower case without accents, as the API compares names: "Lucia" finds "Lucía". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** A team's members are filtered here, word by word and ignoring accents, like the API's search. */
const foldedFilter: OptionsFilter = ({ options, search }) => {
  const words = fold(search.replace(/\s*\(.*$/, ''))
    .split(/\s+/)
    .filter(Boolean);
  return options.filter((o): o is ComboboxItem => 'value' in o && words.every((w) => fold(o.label).includes(w)));
};

/** A searchable user picker backed by GET /users (needs users.read, which all staff hold). */
export function UserPicker({ label: fieldLabel, value, onChange, kind, memberIds, placeholder, description, nothingFound, error, required }: Props) {
  const [options, setOptions] = useState<Option[]>([]);
  const [search, setSearch] = useState('');
  const selected = useRef<Option | null>(null);
  const members = memberIds?.join(',');

  // A team's members: resolve their names once per team.
  useEffect(() => {
    if (members === undefined) return;
    let cancelled = false;
    Promise.all(
      members
        .split(',')
        .filter(Boolean)
        .map((id) => apiFetch(`users/${id}`).catch(() => null)),
    ).then((users) => {
      if (!cancelled) setOptions(users.filter((u): u is UserItem => u !== null && u.isActive).map((u) => ({ value: u.id, label: label(u) })));
    });
    return () => {
      cancelled = true;
    };
  }, [members]);

  // Free search: ask the API as the user types (the selected option stays in the list).
  useEffect(() => {
    if (members !== undefined) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      apiFetch('users', {
        query: { q: search.replace(/\s*\(.*$/, '').trim() || undefined, role: kind === 'requester' ? 'requester' : undefined, isActive: 'true', pageSize: 20 },
        signal: controller.signal,
      })
        .then((page) => {
          const found = page.items.filter((u) => (kind === 'staff' ? isStaff(u) : true)).map((u) => ({ value: u.id, label: label(u) }));
          const keep = selected.current && !found.some((o) => o.value === selected.current!.value) ? [selected.current] : [];
          setOptions([...keep, ...found]);
        })
        .catch(() => undefined);
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [search, kind, members]);

  return (
    <Select
      label={fieldLabel}
      placeholder={placeholder}
      description={description}
      nothingFoundMessage={nothingFound}
      data={options}
      value={value}
      onChange={(id, option) => {
        selected.current = option ? { value: option.value, label: option.label } : null;
        onChange(id);
      }}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The API already filtered by name and email; filtering again by label would hide matches.
      filter={members === undefined ? ({ options: all }) => all : foldedFilter}
      error={error}
      aria-invalid={Boolean(error)}
      required={required}
    />
  );
}
