import {
  Badge, Button, Field, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Textarea, Title3,
} from '@fluentui/react-components';
import { useState } from 'react';
import { call } from '../api';
import { Facts, Loading, Notice, Problem, useAction, useLoad, useStyles, type PageProps } from '../ui';

interface Summary { reference: string; status: string; statusLabel: string; when: string; outcomeLabel?: string }
interface Session { reference: string; version: number; sessionId: string; number: number; intervention: string; when: string; family?: string; location: string }
interface Sessions { toRecord: Session[]; upcoming: Session[] }
interface CaseDetail {
  reference: string; statusLabel: string; nextStep: string; submitted: string; booking?: { id: string; when: string };
  facts: { title: string; value: string }[]; details: { title: string; value: string }[];
  screening: { effectLabel: string; text: string }[]; canComplete: boolean; canRecordNoShow: boolean; outcomes: { value: string; title: string }[];
  /** From the episodes work: the sessions of the care that followed, when there are any. */
  sessions?: { when: string; attended: string; label: string }[];
}

function Consultations({ title, rows, onOpen }: { title: string; rows: Summary[]; onOpen(reference: string): void }) {
  return (
    <section aria-label={title}>
      <Title3 as="h2">{title}</Title3>
      {rows.length === 0 ? <Text as="p">None.</Text> : (
        <Table size="small" aria-label={title}>
          <TableHeader><TableRow>{['Reference', 'When (UK time)', 'Status', 'Outcome', ''].map((h) => <TableHeaderCell key={h}>{h}</TableHeaderCell>)}</TableRow></TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.reference}>
                <TableCell>{r.reference}</TableCell><TableCell>{r.when}</TableCell><TableCell>{r.statusLabel}</TableCell><TableCell>{r.outcomeLabel ?? ''}</TableCell>
                <TableCell><Button size="small" onClick={() => onOpen(r.reference)} aria-label={`Open ${r.reference}`}>Open</Button></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

function RecordOutcome({ detail, service, token, onSaved }: { detail: CaseDetail; service: string; token: PageProps['token']; onSaved(d: CaseDetail): void }) {
  const s = useStyles();
  const action = useAction();
  const [outcome, setOutcome] = useState('');
  const [notes, setNotes] = useState('');
  const [reason, setReason] = useState('');
  const path = `/api/tab/cases/${service}/${detail.reference}`;
  return (
    <div className={s.stack}>
      <Problem error={action.error} />
      <Notice>{action.notice}</Notice>
      {detail.canComplete && (
        <form className={s.card} aria-label="Record the outcome" onSubmit={(e) => { e.preventDefault(); void action.run(async () => { onSaved(await call(token, 'POST', `${path}/outcome`, { outcome, notes })); return 'Outcome recorded. The referrer and the family\'s network have been told.'; }); }}>
          <Title3 as="h3">Record the outcome</Title3>
          <Field label="Outcome" required>
            <Select value={outcome} onChange={(_, d) => setOutcome(d.value)}>
              <option value="">Choose…</option>
              {detail.outcomes.map((o) => <option key={o.value} value={o.value}>{o.title}</option>)}
            </Select>
          </Field>
          <Field label="Notes (the referrer and coordinators see these; the network does not)" required>
            <Textarea value={notes} onChange={(_, d) => setNotes(d.value)} resize="vertical" />
          </Field>
          <Button type="submit" appearance="primary" disabled={action.busy}>Record outcome</Button>
        </form>
      )}
      {detail.canRecordNoShow && detail.booking && (
        <form className={s.card} aria-label="Record that it did not take place" onSubmit={(e) => { e.preventDefault(); void action.run(async () => { onSaved(await call(token, 'POST', `${path}/attendance`, { attended: false, bookingId: detail.booking!.id, reason })); return 'Recorded as not taken place.'; }); }}>
          <Title3 as="h3">Attendance</Title3>
          <Field label="If the consultation did not take place, why" required>
            <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
          </Field>
          <Button type="submit" disabled={action.busy}>Record as not taken place</Button>
        </form>
      )}
    </div>
  );
}

function Case({ reference, service, token, onClose }: { reference: string; service: string; token: PageProps['token']; onClose(): void }) {
  const s = useStyles();
  const loaded = useLoad<CaseDetail>(token, `/api/tab/cases/${service}/${reference}`);
  const d = loaded.data;
  if (!d) return loaded.error ? <Problem error={loaded.error} /> : <Loading label={`Opening ${reference}`} />;
  return (
    <article className={s.stack} aria-label={`Case ${d.reference}`}>
      <div className={s.row}>
        <Title3 as="h2">{d.reference}</Title3><Badge appearance="tint">{d.statusLabel}</Badge>
        <Button onClick={onClose}>Back to the list</Button>
      </div>
      <div className={s.card}><Facts facts={[{ title: 'Sent', value: d.submitted }, ...d.facts, { title: 'What happens next', value: d.nextStep }]} /></div>
      <section className={s.card} aria-label="Screening">
        <Title3 as="h3">Screening, in the service's words</Title3>
        <ul>{d.screening.map((r) => <li key={r.text}><strong>{r.effectLabel}:</strong> {r.text}</li>)}</ul>
      </section>
      <section className={s.card} aria-label="The referrer's answers">
        <Title3 as="h3">The referrer's answers</Title3>
        <Facts facts={d.details} />
      </section>
      {d.sessions && (
        <section className={s.card} aria-label="Sessions">
          <Title3 as="h3">Sessions</Title3>
          <Facts facts={d.sessions.map((x) => ({ title: x.when, value: `${x.label}: ${x.attended}` }))} />
        </section>
      )}
      <RecordOutcome detail={d} service={service} token={token} onSaved={loaded.set} />
    </article>
  );
}

/** The therapist's sessions: those whose time has come, to record as attended or not, and those to come. */
function MySessions({ service, token }: Pick<PageProps, 'service' | 'token'>) {
  const s = useStyles();
  const list = useLoad<Sessions>(token, `/api/tab/sessions?service=${encodeURIComponent(service)}`);
  const action = useAction();
  const record = (x: Session, outcome: 'attended' | 'did_not_attend') => void action.run(async () => {
    list.set(await call(token, 'POST', `/api/tab/cases/${service}/${x.reference}/sessions/${x.sessionId}`, { outcome, version: x.version }));
    return `Session ${x.number} of ${x.reference} recorded as ${outcome === 'attended' ? 'attended' : 'not attended'}.`;
  });
  if (!list.data) return list.error ? <Problem error={list.error} /> : <Loading label="Loading your sessions" />;
  const what = (x: Session) => `${x.intervention}, session ${x.number}${x.family ? ` (${x.family})` : ''}, ${x.location}`;
  return (
    <div className={s.stack}>
      <Problem error={action.error} />
      <Notice>{action.notice}</Notice>
      <section aria-label="Sessions to record">
        <Title3 as="h2">Sessions to record</Title3>
        {list.data.toRecord.length === 0 ? <Text as="p">None: every session whose time has come is recorded.</Text> : (
          <Table size="small" aria-label="Sessions to record">
            <TableHeader><TableRow>{['Reference', 'When (UK time)', 'Session', 'Attendance'].map((h) => <TableHeaderCell key={h}>{h}</TableHeaderCell>)}</TableRow></TableHeader>
            <TableBody>
              {list.data.toRecord.map((x) => (
                <TableRow key={`${x.reference}-${x.sessionId}`}>
                  <TableCell>{x.reference}</TableCell><TableCell>{x.when}</TableCell><TableCell>{what(x)}</TableCell>
                  <TableCell>
                    <div className={s.row}>
                      <Button size="small" disabled={action.busy} onClick={() => record(x, 'attended')} aria-label={`${x.reference} session ${x.number}: attended`}>Attended</Button>
                      <Button size="small" disabled={action.busy} onClick={() => record(x, 'did_not_attend')} aria-label={`${x.reference} session ${x.number}: did not attend`}>Did not attend</Button>
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <section aria-label="Upcoming sessions">
        <Title3 as="h2">Upcoming sessions</Title3>
        {list.data.upcoming.length === 0 ? <Text as="p">None.</Text> : (
          <Table size="small" aria-label="Upcoming sessions">
            <TableHeader><TableRow>{['Reference', 'When (UK time)', 'Session'].map((h) => <TableHeaderCell key={h}>{h}</TableHeaderCell>)}</TableRow></TableHeader>
            <TableBody>
              {list.data.upcoming.map((x) => (
                <TableRow key={`${x.reference}-${x.sessionId}`}><TableCell>{x.reference}</TableCell><TableCell>{x.when}</TableCell><TableCell>{what(x)}</TableCell></TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}

/** My consultations (clinicians): upcoming and past, and a case's detail (each opening is audited) with its outcome and attendance. */
export function ConsultationsPage({ service, token }: PageProps) {
  const s = useStyles();
  const list = useLoad<{ upcoming: Summary[]; past: Summary[] }>(token, `/api/tab/consultations?service=${encodeURIComponent(service)}`);
  const [open, setOpen] = useState<string>();
  if (open) return <Case reference={open} service={service} token={token} onClose={() => { setOpen(undefined); list.reload(); }} />;
  if (!list.data) return list.error ? <Problem error={list.error} /> : <Loading label="Loading your consultations" />;
  return (
    <div className={s.stack}>
      <Consultations title="Upcoming" rows={list.data.upcoming} onOpen={setOpen} />
      <Consultations title="Past" rows={list.data.past} onOpen={setOpen} />
      <MySessions service={service} token={token} />
    </div>
  );
}
