import type { Catalogue } from '../../domain/catalogue/catalogue';
import type { ServiceReport } from '../../domain/reports/service-report';
import { EFFECT_LABELS, STATUS_LABELS } from '../../conversation/wording/labels';

const OUTCOME_LABELS = { eligible: EFFECT_LABELS.supports, clinical_review: EFFECT_LABELS.clinical_review, not_recommended: EFFECT_LABELS.not_recommended, cannot_proceed: EFFECT_LABELS.cannot_proceed };

/** The contract's fields, in order, as CSV rows (metric, key, value); labels are for people, not for the tools reading this. */
function rows(report: ServiceReport): [string, string, string | number | null][] {
  const spread = (metric: string, s: ServiceReport['hours_to_booked']) => [[metric, 'median', s.median], [metric, 'p90', s.p90], [metric, 'n', s.n]] as [string, string, number | null][];
  const map = (metric: string, m: Record<string, number>) => Object.entries(m).map(([k, v]) => [metric, k, v] as [string, string, number]);
  return [
    ['service', '', report.service], ['from', '', report.from], ['to', '', report.to], ['requests', '', report.requests],
    ...map('by_outcome', report.by_outcome), ...map('by_status', report.by_status), ...map('not_recommended_reasons', report.not_recommended_reasons),
    ...spread('hours_to_first_offer', report.hours_to_first_offer), ...spread('hours_to_booked', report.hours_to_booked),
    ['consultations_completed', '', report.consultations_completed], ...map('completion_outcomes', report.completion_outcomes),
    ...(['opened', 'closed', 'active', 'sessions_attended', 'sessions_held'] as const).map((k) => ['episodes', k, report.episodes[k]] as [string, string, number]),
    ['episodes', 'attendance_share', report.episodes.attendance.share],
    ...(['phq9', 'gad7', 'course'] as const).flatMap((reading) => {
      const o = report.episodes.outcomes[reading];
      return [
        [`episodes_${reading}`, 'paired_cases', o.paired_cases], [`episodes_${reading}`, 'at_caseness_before', o.at_caseness_before],
        ...(['reliable_improvement', 'reliable_deterioration', 'recovered', 'reliable_recovery'] as const).map((k) => [`episodes_${reading}`, k, o[k].share]),
      ] as [string, string, number | null][];
    }),
  ];
}

/** A cell a spreadsheet reads as text: quoted when it must be, and never taken for a formula. */
const cell = (v: string | number | null): string => {
  if (v === null) return '';
  const text = /^[=+\-@\t\r]/.test(String(v)) && typeof v === 'string' ? `'${v}` : String(v);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function reportCsv(report: ServiceReport): string {
  return [['metric', 'key', 'value'], ...rows(report)].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** The report as JSON: the contract's fields exactly, and beside them the words the workspace shows for each key. */
export function reportJson(report: ServiceReport, catalogue: Catalogue) {
  const criteria = Object.fromEntries(Object.keys(report.not_recommended_reasons).map((id) => [id,
    catalogue.exclusions.find((e) => e.id === id)?.label ?? catalogue.criteria[id]?.text ?? id]));
  return {
    ...report,
    labels: {
      service: catalogue.name,
      by_outcome: OUTCOME_LABELS, by_status: STATUS_LABELS, not_recommended_reasons: criteria,
      completion_outcomes: Object.fromEntries(catalogue.completion.outcomes.map((o) => [o.id, o.label])),
    },
  };
}
