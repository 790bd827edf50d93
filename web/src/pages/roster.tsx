import {
  Button, Checkbox, Combobox, Field, Option, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { call } from '../api';
import { Notice, Problem, useAction, useLoad, useStyles, type PageProps, type Role } from '../ui';

interface Member { id: string; name: string; met: boolean; roles: Role[]; roleLabels: string[] }
interface Person { id: string; name: string; roles: Role[] }

const ROLE_NAMES: Record<Role, string> = { clinician: 'Clinician', coordinator: 'Coordinator' };

/** Picks someone the bot has met by name (searching as you type): never an id to type. */
function PeoplePicker({ service, token, onPick }: { service: string; token: PageProps['token']; onPick(p: Person | undefined): void }) {
  const [query, setQuery] = useState('');
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => void call<{ people: Person[] }>(token, 'GET', `/api/tab/people?service=${encodeURIComponent(service)}&q=${encodeURIComponent(query)}`)
      .then((r) => live && setPeople(r.people), () => live && setPeople([])), 200);
    return () => { live = false; clearTimeout(t); };
  }, [query, service, token]);
  return (
    <Field label="Person (people who have used the bot in Teams)">
      <Combobox placeholder="Start typing a name" value={query} onChange={(e) => setQuery(e.target.value)}
        onOptionSelect={(_, d) => { const p = people.find((x) => x.id === d.optionValue); setQuery(p?.name ?? ''); onPick(p); }}>
        {people.map((p) => (
          <Option key={p.id} value={p.id} text={p.name}>{p.name}{p.roles.length ? ` (${p.roles.map((r) => ROLE_NAMES[r]).join(', ')})` : ''}</Option>
        ))}
      </Combobox>
    </Field>
  );
}

/** Roster (coordinators): who is a clinician or coordinator of the service, by name; add people the bot has met, change roles, remove. */
export function RosterPage({ service, token }: PageProps) {
  const s = useStyles();
  const roster = useLoad<{ members: Member[] }>(token, `/api/tab/roster?service=${encodeURIComponent(service)}`);
  const action = useAction();
  const [person, setPerson] = useState<Person>();
  const [roles, setRoles] = useState<Role[]>(['clinician']);
  useEffect(() => { if (person) setRoles(person.roles.length ? person.roles : ['clinician']); }, [person]);
  const save = (id: string, name: string, next: Role[] | null) => void action.run(async () => {
    const path = `/api/tab/roster/${service}/${encodeURIComponent(id)}`;
    roster.set(await (next ? call<{ members: Member[] }>(token, 'PUT', path, { roles: next }) : call<{ members: Member[] }>(token, 'DELETE', path)));
    return next ? `${name}: ${next.map((r) => ROLE_NAMES[r]).join(' and ')}.` : `${name} is no longer on the roster.`;
  });
  const toggle = (role: Role, on: boolean) => setRoles((r) => (on ? [...new Set([...r, role])] : r.filter((x) => x !== role)));
  return (
    <div className={s.stack}>
      <Problem error={action.error ?? roster.error} />
      <Notice>{action.notice}</Notice>
      <form className={s.card} aria-label="Add or change someone" onSubmit={(e) => { e.preventDefault(); if (person) save(person.id, person.name, roles); }}>
        <Title3 as="h2">Add or change someone</Title3>
        <PeoplePicker service={service} token={token} onPick={setPerson} />
        <div className={s.row} role="group" aria-label="Roles">
          {(Object.keys(ROLE_NAMES) as Role[]).map((r) => <Checkbox key={r} label={ROLE_NAMES[r]} checked={roles.includes(r)} onChange={(_, d) => toggle(r, Boolean(d.checked))} />)}
        </div>
        <Button type="submit" appearance="primary" disabled={!person || roles.length === 0 || action.busy}>Save roles</Button>
      </form>
      <section aria-label="The roster">
        <Title3 as="h2">The roster</Title3>
        {!roster.data ? <Text>Loading…</Text> : (
          <Table aria-label="The roster">
            <TableHeader><TableRow>{['Name', 'Roles', ''].map((h) => <TableHeaderCell key={h}>{h}</TableHeaderCell>)}</TableRow></TableHeader>
            <TableBody>
              {roster.data.members.map((m) => (
                <TableRow key={m.id}>
                  <TableCell>{m.name}</TableCell><TableCell>{m.roleLabels.join(', ')}</TableCell>
                  <TableCell><Button size="small" disabled={action.busy} onClick={() => save(m.id, m.name, null)} aria-label={`Remove ${m.name}`}>Remove</Button></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
