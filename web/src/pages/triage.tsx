import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { call } from '../api';
import { Loading, Notice, Problem, useAction, useLoad, useStyles, type PageProps } from '../ui';

interface Item {
  reference: string; statusLabel: string; urgency: string; mostUrgent: boolean; submitted: string; escalated: boolean;
  times: { start: string; label: string }[]; canAccept: boolean;
}

/** Triage (clinicians and coordinators): requests waiting for a clinician, most urgent first; clinicians accept a time here. */
export function TriagePage({ service, token }: PageProps) {
  const s = useStyles();
  const queue = useLoad<{ requests: Item[] }>(token, `/api/tab/triage?service=${encodeURIComponent(service)}`);
  const action = useAction();
  const accept = (reference: string, start: string, label: string) => void action.run(async () => {
    await call(token, 'POST', `/api/tab/triage/${service}/${reference}/accept`, { start });
    queue.reload();
    return `You accepted ${reference} for ${label}. The referrer has been told, and the case is in My consultations.`;
  });
  if (!queue.data) return queue.error ? <Problem error={queue.error} /> : <Loading label="Loading the triage queue" />;
  return (
    <div className={s.stack}>
      <Problem error={action.error} />
      <Notice>{action.notice}</Notice>
      {queue.data.requests.length === 0 ? <Text as="p">No request is waiting for a clinician.</Text> : (
        <Table aria-label="Requests waiting for a clinician">
          <TableHeader><TableRow>{['Reference', 'Urgency', 'Status', 'Sent', 'Preferred times (UK time)'].map((h) => <TableHeaderCell key={h}>{h}</TableHeaderCell>)}</TableRow></TableHeader>
          <TableBody>
            {queue.data.requests.map((r) => (
              <TableRow key={r.reference}>
                <TableCell>{r.reference}</TableCell>
                <TableCell><Badge appearance={r.mostUrgent ? 'filled' : 'tint'} color={r.mostUrgent ? 'danger' : 'informative'}>{r.urgency}</Badge></TableCell>
                <TableCell>{r.statusLabel}{r.escalated ? ' (escalated: nobody has accepted yet)' : ''}</TableCell>
                <TableCell>{r.submitted}</TableCell>
                <TableCell>
                  {r.times.length === 0 ? 'The referrer has not chosen times yet' : r.times.map((t) => (r.canAccept
                    ? <Button key={t.start} size="small" disabled={action.busy} onClick={() => accept(r.reference, t.start, t.label)} aria-label={`Accept ${r.reference} for ${t.label}`}>{t.label}</Button>
                    : <div key={t.start}>{t.label}</div>))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
