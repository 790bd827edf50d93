import { Text, makeStyles, tokens, mergeClasses } from '@fluentui/react-components';
import { useRef, useState, type PointerEvent } from 'react';

export interface Block { date: string; start: string; end: string; reference?: string }
export interface Week { days: string[]; open: Block[]; blackouts: Block[]; busy: Block[] }
/** A stretch picked by dragging on the calendar: a London date and wall-clock times. */
export interface Picked { date: string; start: string; end: string }

const HOUR_PX = 36;
const SNAP = 15;
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const dayLabel = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

const useCalendar = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '3.5rem repeat(7, minmax(5.5rem, 1fr))', columnGap: '2px', userSelect: 'none' },
  head: { textAlign: 'center', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  hours: { position: 'relative' },
  hour: { position: 'absolute', right: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  day: { position: 'relative', backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium, cursor: 'crosshair', touchAction: 'none' },
  block: { position: 'absolute', left: '3px', right: '3px', borderRadius: tokens.borderRadiusMedium, padding: '2px 4px', overflow: 'hidden', fontSize: tokens.fontSizeBase200, boxSizing: 'border-box' },
  open: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground2, border: `1px solid ${tokens.colorBrandStroke1}` },
  busy: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand, left: '10px' },
  blackout: { backgroundColor: tokens.colorNeutralBackground5, color: tokens.colorNeutralForeground1, border: `1px dashed ${tokens.colorNeutralStroke1}` },
  picked: { backgroundColor: tokens.colorPaletteMarigoldBackground2, color: tokens.colorNeutralForeground1, border: `2px solid ${tokens.colorPaletteMarigoldBorderActive}` },
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalS },
  swatch: { display: 'inline-block', width: '0.9rem', height: '0.9rem', verticalAlign: 'middle', marginRight: tokens.spacingHorizontalXS, borderRadius: '3px' },
});

/**
 * A week in UK time, drawn from London wall-clock blocks the server worked out (so a week with a clock change is
 * right whatever the browser's zone). Dragging down a day picks a stretch for the forms below; the forms are the way
 * in from the keyboard, and every block is named for screen readers.
 */
export function WeekCalendar({ week, onPick, picked }: { week: Week; picked: Picked | undefined; onPick(p: Picked): void }) {
  const c = useCalendar();
  const all = [...week.open, ...week.busy, ...week.blackouts];
  const first = Math.min(7 * 60, ...all.filter((b) => b.start !== '00:00' || b.end !== '24:00').map((b) => minutes(b.start)));
  const last = Math.max(19 * 60, ...all.filter((b) => b.start !== '00:00' || b.end !== '24:00').map((b) => minutes(b.end)));
  const from = Math.floor(first / 60) * 60;
  const to = Math.ceil(last / 60) * 60;
  const top = (t: string) => ((Math.max(from, Math.min(to, minutes(t))) - from) / 60) * HOUR_PX;
  const drag = useRef<{ date: string; anchor: number } | null>(null);
  const [live, setLive] = useState<Picked>();
  const at = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return Math.min(to, Math.max(from, from + Math.round((((e.clientY - box.top) / HOUR_PX) * 60) / SNAP) * SNAP));
  };
  const span = (date: string, a: number, b: number): Picked => ({ date, start: clock(Math.min(a, b)), end: clock(Math.max(a, b, Math.min(a, b) + SNAP)) });
  const shown = live ?? picked;
  const block = (b: Block, kind: 'open' | 'busy' | 'blackout' | 'picked', label: string) => (
    <div key={`${kind}${b.date}${b.start}`} className={mergeClasses(c.block, c[kind])} style={{ top: top(b.start), height: Math.max(14, top(b.end) - top(b.start)) }}
      role="img" aria-label={`${label} ${b.start} to ${b.end}`} data-kind={kind}>
      {kind === 'busy' ? `${b.start} ${b.reference ?? 'Booked'}` : kind === 'blackout' ? 'Blackout' : `${b.start}–${b.end}`}
    </div>
  );
  return (
    <div>
      <div className={c.grid} aria-label="Week calendar, UK time" role="group">
        <div />
        {week.days.map((d) => <div key={d} className={c.head}>{dayLabel(d)}</div>)}
        <div className={c.hours} style={{ height: ((to - from) / 60) * HOUR_PX }} aria-hidden>
          {Array.from({ length: (to - from) / 60 }, (_, i) => <span key={i} className={c.hour} style={{ top: i * HOUR_PX }}>{clock(from + i * 60)}</span>)}
        </div>
        {week.days.map((date) => (
          <div key={date} className={c.day} style={{ height: ((to - from) / 60) * HOUR_PX }} data-date={date}
            onPointerDown={(e) => { e.currentTarget.setPointerCapture(e.pointerId); drag.current = { date, anchor: at(e) }; setLive(span(date, at(e), at(e))); }}
            onPointerMove={(e) => { if (drag.current?.date === date) setLive(span(date, drag.current.anchor, at(e))); }}
            onPointerUp={(e) => { if (drag.current?.date === date) { onPick(span(date, drag.current.anchor, at(e))); drag.current = null; setLive(undefined); } }}>
            {week.blackouts.filter((b) => b.date === date).map((b) => block(b, 'blackout', `${dayLabel(date)}: blackout`))}
            {week.open.filter((b) => b.date === date).map((b) => block(b, 'open', `${dayLabel(date)}: available`))}
            {week.busy.filter((b) => b.date === date).map((b) => block(b, 'busy', `${dayLabel(date)}: consultation ${b.reference ?? ''}`))}
            {shown?.date === date && block(shown, 'picked', `${dayLabel(date)}: picked`)}
          </div>
        ))}
      </div>
      <div className={c.legend}>
        <Text><span className={mergeClasses(c.swatch, c.open)} />Available</Text>
        <Text><span className={mergeClasses(c.swatch, c.busy)} />Consultation booked</Text>
        <Text><span className={mergeClasses(c.swatch, c.blackout)} />Blackout</Text>
        <Text>Drag down a day to pick a time for the forms below.</Text>
      </div>
    </div>
  );
}
