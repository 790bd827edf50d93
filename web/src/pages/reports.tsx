import { DonutChart, VerticalBarChart } from '@fluentui/react-charts';
import { Button, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3, tokens, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { download } from '../api';
import { Loading, Problem, useAction, useLoad, useStyles, type PageProps } from '../ui';

interface Spread { median: number | null; p90: number | null; n: number }
interface ShareFigure { count: number; of: number; share: number | null }
interface OutcomeFigures { paired_cases: number; at_caseness_before: number; reliable_improvement: ShareFigure; reliable_deterioration: ShareFigure; recovered: ShareFigure; reliable_recovery: ShareFigure }
interface EpisodeFigures {
  opened: number; closed: number; active: number; sessions_attended: number; sessions_held: number; attendance: ShareFigure;
  outcomes: { phq9: OutcomeFigures; gad7: OutcomeFigures; course: OutcomeFigures };
}
interface Report {
  from: string; to: string; requests: number;
  by_outcome: Record<string, number>; by_status: Record<string, number>; not_recommended_reasons: Record<string, number>;
  hours_to_first_offer: Spread; hours_to_booked: Spread; consultations_completed: number; completion_outcomes: Record<string, number>;
  episodes?: EpisodeFigures;
  labels: { service: string; by_outcome: Record<string, string>; by_status: Record<string, string>; not_recommended_reasons: Record<string, string>; completion_outcomes: Record<string, string> };
}

const useReport = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(22rem, 1fr))', gap: tokens.spacingHorizontalL },
  figures: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))', gap: tokens.spacingHorizontalM },
  /** Fluent's charts fill their container: a box with a height keeps them from growing with their card. */
  chart: { height: '280px', width: '100%', maxWidth: '460px', overflow: 'hidden', marginBottom: tokens.spacingVerticalM },
  figure: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
});

/** Colours from the theme's palette, so the charts keep their contrast in dark and high-contrast themes. */
const PALETTE = [tokens.colorPaletteBlueBorderActive, tokens.colorPaletteTealBorderActive, tokens.colorPaletteMarigoldBorderActive, tokens.colorPaletteRedBorderActive,
  tokens.colorPalettePurpleBorderActive, tokens.colorPaletteGreenBorderActive, tokens.colorPaletteDarkOrangeBorderActive, tokens.colorPaletteLavenderBorderActive];

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const percent = (f: ShareFigure) => (f.share === null ? 'no cases' : `${Math.round(f.share * 100)}% (${f.count} of ${f.of})`);
const READINGS = [['phq9', 'PHQ-9'], ['gad7', 'GAD-7'], ['course', 'Both (the course)']] as const;
const SHARES = [['reliable_improvement', 'Reliably improved'], ['recovered', 'Recovered'], ['reliable_recovery', 'Reliably recovered'], ['reliable_deterioration', 'Reliably deteriorated']] as const;

/**
 * Care after the consultation: episodes, sessions attended of those held, and the NHS Talking Therapies shares from
 * finished courses' paired measures (recovery of those at caseness before), as a chart and the same as a table.
 */
function Episodes({ episodes }: { episodes: EpisodeFigures }) {
  const s = useStyles();
  const r = useReport();
  const bars = READINGS.flatMap(([key, label]) => SHARES.slice(0, 3).map(([share, name], i) => ({
    x: `${label}: ${name}`, y: Math.round((episodes.outcomes[key][share].share ?? 0) * 100), legend: name, color: PALETTE[i % PALETTE.length],
  })));
  const paired = episodes.outcomes.phq9.paired_cases + episodes.outcomes.gad7.paired_cases > 0;
  return (
    <section className={s.card} aria-labelledby="chart-episodes">
      <Title3 as="h3" id="chart-episodes">Episodes of work and outcomes</Title3>
      <div className={r.figures}>
        {[['Episodes opened', String(episodes.opened)], ['Episodes closed', String(episodes.closed)], ['Episodes active', String(episodes.active)],
          ['Sessions attended of held', percent(episodes.attendance)]].map(([title, value]) => (
          <div key={title} className={s.card}><Text block>{title}</Text><Text className={r.figure} block>{value}</Text></div>
        ))}
      </div>
      {paired && <div className={r.chart}><VerticalBarChart data={bars} chartTitle="Outcome shares, per cent" hideLegend wrapXAxisLables /></div>}
      <Table size="small" aria-label="Outcomes of finished courses">
        <TableHeader><TableRow><TableHeaderCell>Finished courses</TableHeaderCell>{READINGS.map(([k, label]) => <TableHeaderCell key={k}>{label}</TableHeaderCell>)}</TableRow></TableHeader>
        <TableBody>
          <TableRow><TableCell>With a before and after</TableCell>{READINGS.map(([k]) => <TableCell key={k}>{episodes.outcomes[k].paired_cases}</TableCell>)}</TableRow>
          {SHARES.map(([share, name]) => (
            <TableRow key={share}><TableCell>{name}</TableCell>{READINGS.map(([k]) => <TableCell key={k}>{percent(episodes.outcomes[k][share])}</TableCell>)}</TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
const hours = (h: number | null) => (h === null ? 'no data' : h < 48 ? `${h} h` : `${Math.round((h / 24) * 10) / 10} days`);

/** A chart's data also as a table: what screen readers and keyboard users read, and what a chart cannot say exactly. */
function Counts({ caption, counts, labels }: { caption: string; counts: Record<string, number>; labels: Record<string, string> }) {
  return (
    <Table size="small" aria-label={caption}>
      <TableHeader><TableRow><TableHeaderCell>{caption}</TableHeaderCell><TableHeaderCell>Count</TableHeaderCell></TableRow></TableHeader>
      <TableBody>
        {Object.entries(counts).map(([k, v]) => <TableRow key={k}><TableCell>{labels[k] ?? k}</TableCell><TableCell>{v}</TableCell></TableRow>)}
      </TableBody>
    </Table>
  );
}

function Charts({ report }: { report: Report }) {
  const s = useStyles();
  const r = useReport();
  const { labels } = report;
  const outcomes = Object.entries(report.by_outcome).map(([k, v], i) => ({ legend: labels.by_outcome[k] ?? k, data: v, color: PALETTE[i % PALETTE.length] }));
  const bars = (counts: Record<string, number>, names: Record<string, string>) =>
    Object.entries(counts).filter(([, v]) => v > 0).map(([k, v], i) => ({ x: names[k] ?? k, y: v, legend: names[k] ?? k, color: PALETTE[i % PALETTE.length] }));
  return (
    <div className={s.stack}>
      <div className={r.figures}>
        {[['Requests', String(report.requests)], ['Consultations completed', String(report.consultations_completed)],
          ['To first offer: median', hours(report.hours_to_first_offer.median)], ['To first offer: 90th percentile', hours(report.hours_to_first_offer.p90)],
          ['To booking: median', hours(report.hours_to_booked.median)], ['To booking: 90th percentile', hours(report.hours_to_booked.p90)]].map(([title, value]) => (
          <div key={title} className={s.card}><Text block>{title}</Text><Text className={r.figure} block>{value}</Text></div>
        ))}
      </div>
      <div className={r.grid}>
        <section className={s.card} aria-labelledby="chart-outcome">
          <Title3 as="h3" id="chart-outcome">Requests by screening outcome</Title3>
          {/* No chartTitle: the section's heading names the chart, and the donut draws its own title half above its box. */}
          {report.requests > 0 && <div className={r.chart}><DonutChart data={{ chartData: outcomes }} innerRadius={55} hideLabels={false} /></div>}
          <Counts caption="Screening outcome" counts={report.by_outcome} labels={labels.by_outcome} />
        </section>
        <section className={s.card} aria-labelledby="chart-status">
          <Title3 as="h3" id="chart-status">Requests by status now</Title3>
          {report.requests > 0 && <div className={r.chart}><VerticalBarChart data={bars(report.by_status, labels.by_status)} chartTitle="Requests by status" hideLegend wrapXAxisLables /></div>}
          <Counts caption="Status" counts={Object.fromEntries(Object.entries(report.by_status).filter(([, v]) => v > 0))} labels={labels.by_status} />
        </section>
        <section className={s.card} aria-labelledby="chart-completion">
          <Title3 as="h3" id="chart-completion">Consultations completed, by outcome</Title3>
          {report.consultations_completed > 0 && <div className={r.chart}><VerticalBarChart data={bars(report.completion_outcomes, labels.completion_outcomes)} chartTitle="Completed by outcome" hideLegend wrapXAxisLables /></div>}
          <Counts caption="Outcome" counts={report.completion_outcomes} labels={labels.completion_outcomes} />
        </section>
        <section className={s.card} aria-labelledby="chart-reasons">
          <Title3 as="h3" id="chart-reasons">Why requests were not recommended</Title3>
          {Object.keys(report.not_recommended_reasons).length === 0
            ? <Text>No request was "not recommended" in this period.</Text>
            : <Counts caption="Criterion" counts={report.not_recommended_reasons} labels={labels.not_recommended_reasons} />}
        </section>
        {report.episodes && <Episodes episodes={report.episodes} />}
      </div>
    </div>
  );
}

/** Reports (coordinators): a service's period in figures and charts, and the same as CSV. */
export function ReportsPage({ service, token }: PageProps) {
  const s = useStyles();
  const today = new Date();
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 90 * 86_400_000)));
  const [to, setTo] = useState(isoDay(today));
  const [period, setPeriod] = useState({ from, to });
  const path = `/api/tab/reports?service=${encodeURIComponent(service)}&from=${period.from}&to=${period.to}`;
  const report = useLoad<Report>(token, path);
  const csv = useAction();
  return (
    <div className={s.stack}>
      <form className={s.row} onSubmit={(e) => { e.preventDefault(); setPeriod({ from, to }); }}>
        <Field label="From (UK date)"><Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} /></Field>
        <Field label="To (UK date)"><Input type="date" value={to} onChange={(_, d) => setTo(d.value)} /></Field>
        <Button type="submit" appearance="primary">Show report</Button>
        <Button disabled={csv.busy} onClick={() => void csv.run(async () => (await download(token, `${path}&format=csv`, `${service}-report-${period.from}-to-${period.to}.csv`), ''))}>
          Download CSV
        </Button>
      </form>
      <Problem error={report.error ?? csv.error} />
      {!report.data && !report.error && <Loading label="Loading the report" />}
      {report.data && (
        <>
          <Text as="p">{report.data.labels.service}: requests sent from {report.data.from} to {report.data.to} (UK dates), and consultations whose outcome was recorded then.</Text>
          <Charts report={report.data} />
        </>
      )}
    </div>
  );
}
