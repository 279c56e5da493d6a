'use client';

import { Button, Group, Paper, Select, Stack, TableTd, TableTr, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Notice, RecordStatus } from '@/components/admin-record-status';
import { ConfirmAction } from '@/components/confirm-action';
import { announceCreated } from '@/components/created-notice';
import { FormAlert } from '@/components/form-alert';
import { ListTable } from '@/components/list-table';
import { apiFetch } from '@/lib/api-client';
import { problemMessage, redirectIfSignedOut, showProblem } from '@/lib/api-errors';
import type { TeamItem } from '@/lib/api-types';
import { ariaInvalid } from '@/lib/form-a11y';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

const a = messages.admin;
const t = messages.admin.teamForm;

type Option = { value: string; label: string };
type Values = { name: string; description: string; supportLevel: TeamItem['supportLevel']; coordinatorId: string | null };
const FIELDS = ['name', 'description', 'supportLevel', 'coordinatorId'] as const;
const LEVELS: Option[] = (['1', '2', '3', 'field'] as const).map((l) => ({ value: l, label: messages.supportLevels[l] }));

/** Creates a team or edits one (name, level, coordinator). */
export function TeamForm({ team, staff }: { team?: TeamItem; staff: Option[] }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [version, setVersion] = useState(team?.version);
  useEffect(() => setVersion(team?.version), [team?.version]);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const form = useForm<Values>({
    enhanceGetInputProps: ariaInvalid,
    initialValues: {
      name: team?.name ?? '',
      description: team?.description ?? '',
      supportLevel: team?.supportLevel ?? '2',
      coordinatorId: team?.coordinatorId ?? null,
    },
    validate: { name: (v) => (v.trim() ? null : a.required) },
  });
  const submit = form.onSubmit(async (v) => {
    setError('');
    setNotice('');
    const body = { name: v.name.trim(), description: v.description.trim() || null, supportLevel: v.supportLevel, coordinatorId: v.coordinatorId };
    try {
      if (team) {
        const saved = await apiFetch(`teams/${team.id}`, { method: 'PATCH', body: { ...body, version } });
        setVersion(saved.version);
        setNotice(a.saved);
        router.refresh();
      } else {
        const created = await apiFetch('teams', { method: 'POST', body });
        announceCreated(t.created(created.name));
        router.push(`/admin/equipos/${created.id}`);
      }
    } catch (e) {
      showProblem(e, form, FIELDS, setError);
    }
  });
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="team-data">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="team-data">
            {t.dataSection}
          </Title>
          <TextInput label={t.name} required autoComplete="off" {...form.getInputProps('name')} />
          <Textarea label={t.description} autosize minRows={2} {...form.getInputProps('description')} />
          <Select label={t.supportLevel} data={LEVELS} required allowDeselect={false} {...form.getInputProps('supportLevel')} />
          <Select
            label={t.coordinator}
            placeholder={t.coordinatorPlaceholder}
            data={staff}
            searchable
            clearable
            nothingFoundMessage={messages.catalog.nothingFound}
            {...form.getInputProps('coordinatorId')}
          />
          <FormAlert message={error} />
          <Notice text={notice} />
          <Group>
            <Button type="submit" disabled={!hydrated} loading={form.submitting}>
              {team ? a.save : a.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function TeamStatus({ team }: { team: TeamItem }) {
  return (
    <RecordStatus
      path={`teams/${team.id}`}
      name={team.name}
      isActive={team.isActive}
      version={team.version}
      texts={t}
      headingId="team-status"
      testId="team-status"
    />
  );
}

type Member = { id: string; fullName: string; email: string };

/** The team's members: add one from the staff, or take one off (PUT of the whole list). */
export function TeamMembers({ team, initial, staff }: { team: TeamItem; initial: Member[]; staff: Option[] }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [members, setMembers] = useState(initial);
  const [choice, setChoice] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async (ids: string[]) => {
    const saved = await apiFetch(`teams/${team.id}/members`, { method: 'PUT', body: { userIds: ids } });
    router.refresh();
    return saved;
  };
  const add = async () => {
    if (!choice) {
      setError(a.required);
      return;
    }
    setBusy(true);
    setError('');
    setNotice('');
    try {
      await save([...members.map((m) => m.id), choice]);
      const label = staff.find((s) => s.value === choice)?.label ?? '';
      const name = label.replace(/ \(.*\)$/, '');
      const email = /\((.*)\)$/.exec(label)?.[1] ?? '';
      setMembers((current) => [...current, { id: choice, fullName: name, email }]);
      setChoice(null);
      setNotice(t.memberAdded(name));
    } catch (e) {
      if (!redirectIfSignedOut(e)) setError(problemMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (m: Member) => {
    setNotice('');
    await save(members.filter((x) => x.id !== m.id).map((x) => x.id));
    setMembers((current) => current.filter((x) => x.id !== m.id));
    setNotice(t.memberRemoved(m.fullName));
  };
  const candidates = staff.filter((s) => !members.some((m) => m.id === s.value));

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="team-members">
      <Stack gap="md">
        <Title order={2} size="h3" id="team-members">
          {t.membersSection}
        </Title>
        <Notice text={notice} />
        {members.length === 0 ? (
          <Text>{t.membersEmpty}</Text>
        ) : (
          <ListTable caption={t.membersCaption(team.name)} minWidth={520} headers={[t.member, t.memberEmail, t.actions]} data-testid="team-members">
            {members.map((m) => (
              <TableTr key={m.id}>
                <TableTd>{m.fullName}</TableTd>
                <TableTd style={{ overflowWrap: 'anywhere' }}>{m.email}</TableTd>
                <TableTd>
                  <ConfirmAction
                    label={a.remove}
                    ariaLabel={t.removeMember(m.fullName)}
                    title={t.removeMember(m.fullName)}
                    body={t.removeMember(m.fullName) + '.'}
                    confirmLabel={a.remove}
                    danger
                    buttonProps={{ size: 'xs' }}
                    onConfirm={() => remove(m)}
                  />
                </TableTd>
              </TableTr>
            ))}
          </ListTable>
        )}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t.addMemberLabel}
            placeholder={t.addMemberPlaceholder}
            data={candidates}
            value={choice}
            onChange={setChoice}
            searchable
            clearable
            nothingFoundMessage={messages.catalog.nothingFound}
            error={error || undefined}
            miw={280}
            style={{ flex: 1 }}
          />
          <Button variant="light" onClick={add} loading={busy} disabled={!hydrated}>
            {t.add}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
