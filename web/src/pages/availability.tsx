import { Button, Field, Input, Select, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { call } from '../api';
import { Loading, Notice, Problem, useAction, useLoad, useStyles, type PageProps } from '../ui';
import { WeekCalendar, type Picked, type Week } from './week-calendar';

interface Item { label: string; index: number }
interface AvailabilityData {
  version: number; today: string; serviceName: string; minutes: number; buffer: number; leadHours: number; horizonDays: number;
  weekdays: { value: string; title: string }[]; weekly: Item[]; extras: Item[]; blackouts: Item[]; week: Week; stale?: boolean;
  /** After a change: the bookings it left outside the clinician's time, in words ('' when none). */
  still_booked?: string;
}

const useLists = makeStyles({
  lists: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))', gap: tokens.spacingHorizontalL },
  item: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', columnGap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalXXS} 0` },
});

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const weekdayOf = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay() || 7;

function List({ title, items, onRemove, busy }: { title: string; items: Item[]; onRemove(i: number): void; busy: boolean }) {
  const l = useLists();
  return (
    <section aria-label={title}>
      <Title3 as="h3">{title}</Title3>
      {items.length === 0 ? <Text>None yet.</Text> : items.map((item) => (
        <div key={item.index} className={l.item}>
          <Text>{item.label}</Text>
          <Button size="small" disabled={busy} aria-label={`Remove ${item.label}`} onClick={() => onRemove(item.index)}>Remove</Button>
        </div>
      ))}
    </section>
  );
}

/** My availability (clinicians): the week in UK time, and weekly windows, one-off times and blackouts to add or remove. */
export function AvailabilityPage({ service, token }: PageProps) {
  const s = useStyles();
  const l = useLists();
  const [week, setWeek] = useState<string>();
  const loaded = useLoad<AvailabilityData>(token, `/api/tab/availability?service=${encodeURIComponent(service)}${week ? `&week=${week}` : ''}`);
  const data = loaded.data;
  const shownWeek = week ?? data?.week.days[0];
  const action = useAction();
  const [picked, setPicked] = useState<Picked>();
  const [form, setForm] = useState({ weekday: '1', weeklyStart: '09:00', weeklyEnd: '12:00', date: '', start: '09:00', end: '10:00', from: '', to: '' });
  const set = (k: keyof typeof form) => (_: unknown, d: { value: string }) => setForm((f) => ({ ...f, [k]: d.value }));
  useEffect(() => {
    if (data && !form.date) setForm((f) => ({ ...f, date: data.today, from: data.today, to: data.today }));
  }, [data, form.date]);
  useEffect(() => {
    if (picked) setForm((f) => ({ ...f, date: picked.date, start: picked.start, end: picked.end, weekday: String(weekdayOf(picked.date)), weeklyStart: picked.start, weeklyEnd: picked.end, from: picked.date, to: picked.date }));
  }, [picked]);
  const change = (body: Record<string, unknown>, saved: string) => void action.run(async () => {
    const next = await call<AvailabilityData>(token, 'POST', '/api/tab/availability', { service, week: shownWeek, version: data!.version, change: body });
    loaded.set(next);
    return next.stale ? 'Your availability was changed elsewhere meanwhile, so nothing was saved: here it is as it stands now.' : [saved, next.still_booked ?? ''].join(' ').trim();
  });
  if (!data) return loaded.error ? <Problem error={loaded.error} /> : <Loading label="Loading your availability" />;
  return (
    <div className={s.stack}>
      <Text as="p">When you can see people for {data.serviceName}, in UK time. Consultations last {data.minutes} minutes with {data.buffer} minutes between them; referrers can book from {data.leadHours} hours ahead up to {data.horizonDays} days ahead. A weekly time stays the same UK time across the clock changes.</Text>
      <div className={s.row}>
        <Button onClick={() => setWeek(addDays(shownWeek!, -7))}>Previous week</Button>
        <Button onClick={() => setWeek(data.today)}>This week</Button>
        <Button onClick={() => setWeek(addDays(shownWeek!, 7))}>Next week</Button>
        <Text weight="semibold" aria-live="polite">Week of {new Date(`${data.week.days[0]}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}</Text>
      </div>
      <div className={s.card}><WeekCalendar week={data.week} picked={picked} onPick={setPicked} /></div>
      <Problem error={action.error ?? loaded.error} />
      <Notice>{action.notice}</Notice>
      <div className={l.lists}>
        <form className={s.card} aria-label="Add a weekly window" onSubmit={(e) => { e.preventDefault(); change({ change: 'add_weekly', weekday: Number(form.weekday), start: form.weeklyStart, end: form.weeklyEnd }, 'Weekly window added.'); }}>
          <Title3 as="h3">Every week</Title3>
          <Field label="Day"><Select value={form.weekday} onChange={set('weekday')}>{data.weekdays.map((w) => <option key={w.value} value={w.value}>{w.title}</option>)}</Select></Field>
          <div className={s.row}>
            <Field label="From"><Input type="time" value={form.weeklyStart} onChange={set('weeklyStart')} /></Field>
            <Field label="To"><Input type="time" value={form.weeklyEnd} onChange={set('weeklyEnd')} /></Field>
          </div>
          <Button type="submit" appearance="primary" disabled={action.busy}>Add weekly window</Button>
        </form>
        <form className={s.card} aria-label="Add a one-off time" onSubmit={(e) => { e.preventDefault(); change({ change: 'add_extra', date: form.date, start: form.start, end: form.end }, 'One-off time added.'); }}>
          <Title3 as="h3">One-off time</Title3>
          <Field label="Date"><Input type="date" value={form.date} onChange={set('date')} /></Field>
          <div className={s.row}>
            <Field label="From"><Input type="time" value={form.start} onChange={set('start')} /></Field>
            <Field label="To"><Input type="time" value={form.end} onChange={set('end')} /></Field>
          </div>
          <Button type="submit" appearance="primary" disabled={action.busy}>Add one-off time</Button>
        </form>
        <form className={s.card} aria-label="Add a blackout" onSubmit={(e) => { e.preventDefault(); change({ change: 'add_blackout', from: form.from, to: form.to }, 'Blackout added.'); }}>
          <Title3 as="h3">Blackout (whole days)</Title3>
          <div className={s.row}>
            <Field label="First day"><Input type="date" value={form.from} onChange={set('from')} /></Field>
            <Field label="Last day"><Input type="date" value={form.to} onChange={set('to')} /></Field>
          </div>
          <Button type="submit" appearance="primary" disabled={action.busy}>Add blackout</Button>
        </form>
      </div>
      <div className={l.lists}>
        <List title="Weekly windows" items={data.weekly} busy={action.busy} onRemove={(index) => change({ change: 'remove', list: 'weekly', index }, 'Removed.')} />
        <List title="One-off times" items={data.extras} busy={action.busy} onRemove={(index) => change({ change: 'remove', list: 'extras', index }, 'Removed.')} />
        <List title="Blackouts" items={data.blackouts} busy={action.busy} onRemove={(index) => change({ change: 'remove', list: 'blackouts', index }, 'Removed.')} />
      </div>
    </div>
  );
}
