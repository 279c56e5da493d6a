'use client';

import { Badge, Button, Group, Modal, Paper, SegmentedControl, Select, Stack, Switch, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert';
import { apiFetch, ApiError } from '@/lib/api-client';
import { problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import type { TextModuleItem } from '@/lib/api-types';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

const t = messages.textModules;

type Listing = {
  items: TextModuleItem[];
  placeholders: string[];
  manageableTeams: { id: string; name: string }[];
  canManageGlobal: boolean;
};
type Draft = { name: string; keywords: string[]; body: string; scope: 'global' | 'team'; teamId: string | null; isActive: boolean };
const FIELDS = ['name', 'keywords', 'body', 'teamId'] as const;

/** Field errors by form field: "keywords.2" is shown under the keywords input. */
function fieldErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(e instanceof ApiError)) return out;
  for (const err of e.errors) {
    const field = FIELDS.find((f) => err.field === f || err.field.startsWith(`${f}.`));
    if (field && !out[field]) out[field] = err.message;
  }
  return out;
}

export function TextModulesManager() {
  const hydrated = useHydrated();
  const [listing, setListing] = useState<Listing | null>(null);
  const [usable, setUsable] = useState<TextModuleItem[]>([]);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [editing, setEditing] = useState<TextModuleItem | 'new' | null>(null);
  const [removing, setRemoving] = useState<TextModuleItem | null>(null);

  const load = useCallback(async () => {
    try {
      const [manage, use] = await Promise.all([apiFetch('text-modules', { query: { view: 'manage' } }), apiFetch('text-modules', { query: { view: 'use' } })]);
      setListing(manage);
      setUsable(use.items);
    } catch (e) {
      if (!redirectIfSignedOut(e)) setError(problemMessage(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const canManage = Boolean(listing && (listing.canManageGlobal || listing.manageableTeams.length > 0));
  const shown = canManage ? (listing?.items ?? []) : usable;

  async function remove() {
    if (!removing) return;
    const target = removing;
    setRemoving(null);
    try {
      await apiFetch(`text-modules/${target.id}`, { method: 'DELETE' });
      setNotice(t.removed(target.name));
      await load();
    } catch (e) {
      if (!redirectIfSignedOut(e)) setError(problemMessage(e));
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t.title}</Title>
          <Text c="dimmed" maw={720}>
            {canManage ? t.intro : t.readOnly}
          </Text>
        </div>
        {canManage && (
          <Button onClick={() => setEditing('new')} disabled={!hydrated}>
            {t.create}
          </Button>
        )}
      </Group>
      <FormAlert message={error} />
      <Text role="status" aria-live="polite">
        {notice}
      </Text>
      {listing && shown.length === 0 && <Text>{t.empty}</Text>}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t.caption}>
        {shown.map((m) => (
          <Paper component="li" withBorder p="md" radius="md" key={m.id}>
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
              <Stack gap={4} style={{ flex: '1 1 16rem', minWidth: 0 }}>
                <Group gap="xs">
                  <Text fw={700}>{m.name}</Text>
                  <Badge variant="light" color={m.scope === 'global' ? 'blue' : 'grape'}>
                    {m.scope === 'global' ? t.scopes.global : `${t.team}: ${m.teamName ?? ''}`}
                  </Badge>
                  <Badge variant={m.isActive ? 'outline' : 'filled'} color={m.isActive ? 'dark' : 'gray.7'}>
                    {m.isActive ? t.active : t.inactive}
                  </Badge>
                </Group>
                {m.keywords.length > 0 && (
                  <Text size="sm" c="dimmed">
                    {t.keywords}: {m.keywords.join(', ')}
                  </Text>
                )}
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lineClamp={3}>
                  {m.body}
                </Text>
              </Stack>
              {canManage && m.canManage && (
                <Group gap="xs">
                  <Button variant="default" size="xs" onClick={() => setEditing(m)} aria-label={t.edit(m.name)}>
                    {t.editButton}
                  </Button>
                  <Button variant="default" c="red.9" size="xs" onClick={() => setRemoving(m)}>
                    {t.remove}
                  </Button>
                </Group>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      {listing && editing && (
        <ModuleForm
          listing={listing}
          module={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={async (name) => {
            setEditing(null);
            setNotice(t.saved(name));
            await load();
          }}
        />
      )}
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t.remove} closeButtonProps={{ 'aria-label': messages.common.close }}>
        <Stack>
          <Text>{removing ? t.confirmRemove(removing.name) : ''}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t.cancel}
            </Button>
            <Button color="red.9" onClick={remove}>
              {t.remove}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function ModuleForm({
  listing,
  module,
  onClose,
  onSaved,
}: {
  listing: Listing;
  module: TextModuleItem | null;
  onClose: () => void;
  onSaved: (name: string) => Promise<void>;
}) {
  const [draft, setDraft] = useState<Draft>(() =>
    module
      ? { name: module.name, keywords: module.keywords, body: module.body, scope: module.scope, teamId: module.teamId, isActive: module.isActive }
      : {
          name: '',
          keywords: [],
          body: '',
          scope: listing.canManageGlobal ? 'global' : 'team',
          teamId: listing.canManageGlobal ? null : (listing.manageableTeams[0]?.id ?? null),
          isActive: true,
        },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  function insertPlaceholder(p: string) {
    const el = bodyRef.current;
    const token = `{{${p}}}`;
    const start = el?.selectionStart ?? draft.body.length;
    const end = el?.selectionEnd ?? draft.body.length;
    set('body', draft.body.slice(0, start) + token + draft.body.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setProblem('');
    try {
      const saved = module
        ? await apiFetch(`text-modules/${module.id}`, {
            method: 'PATCH',
            body: { name: draft.name, keywords: draft.keywords, body: draft.body, isActive: draft.isActive, version: module.version },
          })
        : await apiFetch('text-modules', {
            body: {
              name: draft.name,
              keywords: draft.keywords,
              body: draft.body,
              scope: draft.scope,
              teamId: draft.scope === 'team' ? draft.teamId : null,
              isActive: draft.isActive,
            },
          });
      await onSaved(saved.name);
    } catch (e) {
      if (redirectIfSignedOut(e)) return;
      setErrors(fieldErrors(e));
      setProblem(problemMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const scopes = [
    ...(listing.canManageGlobal ? [{ value: 'global', label: t.scopes.global }] : []),
    ...(listing.manageableTeams.length ? [{ value: 'team', label: t.scopes.team }] : []),
  ];
  return (
    <Modal
      opened
      onClose={onClose}
      title={module ? t.editTitle(module.name) : t.createTitle}
      size="lg"
      closeButtonProps={{ 'aria-label': messages.common.close }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert message={problem} />
          <TextInput label={t.name} required value={draft.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} maxLength={80} />
          <TagsInput
            label={t.keywords}
            description={t.keywordsHint}
            value={draft.keywords}
            onChange={(v) => set('keywords', v)}
            error={errors.keywords}
            maxTags={10}
          />
          {!module && scopes.length > 1 && (
            <div>
              <Text size="sm" fw={500} mb={4} id="text-module-scope">
                {t.scope}
              </Text>
              <SegmentedControl aria-labelledby="text-module-scope" value={draft.scope} onChange={(v) => set('scope', v as Draft['scope'])} data={scopes} />
            </div>
          )}
          {!module && draft.scope === 'team' && (
            <Select
              label={t.team}
              required
              data={listing.manageableTeams.map((team) => ({ value: team.id, label: team.name }))}
              value={draft.teamId}
              onChange={(v) => set('teamId', v)}
              error={errors.teamId}
              allowDeselect={false}
            />
          )}
          <Textarea
            ref={bodyRef}
            label={t.body}
            required
            autosize
            minRows={5}
            value={draft.body}
            onChange={(e) => set('body', e.currentTarget.value)}
            error={errors.body}
            description={t.bodyHint}
          />
          <Group gap={6}>
            {listing.placeholders.map((p) => (
              <Button key={p} variant="default" size="compact-xs" onClick={() => insertPlaceholder(p)} title={`{{${p}}}`}>
                {t.placeholders[p] ?? p}
              </Button>
            ))}
          </Group>
          <Switch label={t.active} checked={draft.isActive} onChange={(e) => set('isActive', e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t.cancel}
            </Button>
            <Button type="submit" loading={busy}>
              {t.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
