import { Button, Field, Text, Textarea, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { call } from '../api';
import { Facts, Loading, Notice, Problem, useAction, useLoad, useStyles, type PageProps } from '../ui';

interface Review { reference: string; submittedAt: string; why: string; justification: string; helpWith: string }

function Decide({ review, service, token, onDone }: { review: Review; service: string; token: PageProps['token']; onDone(notice: string): void }) {
  const s = useStyles();
  const [reason, setReason] = useState('');
  const action = useAction();
  const decide = (approved: boolean) => void action.run(async () => {
    await call(token, 'POST', `/api/tab/reviews/${service}/${review.reference}`, { approved, reason });
    const notice = `${review.reference}: ${approved ? 'approved for booking' : 'not taken forward'}. The referrer has been told.`;
    onDone(notice);
    return notice;
  });
  return (
    <article className={s.card} aria-label={`Review ${review.reference}`}>
      <Title3 as="h2">{review.reference}</Title3>
      <Facts facts={[{ title: 'Sent', value: review.submittedAt }, { title: 'Why it needs review', value: review.why },
        ...(review.justification ? [{ title: "The referrer's case for it", value: review.justification }] : []), { title: 'Help with', value: review.helpWith }]} />
      <Problem error={action.error} />
      <Field label="Your reason (the referrer sees it)" required>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
      </Field>
      <div className={s.row}>
        <Button appearance="primary" disabled={action.busy} onClick={() => decide(true)}>Approve for booking</Button>
        <Button disabled={action.busy} onClick={() => decide(false)}>Do not take forward</Button>
      </div>
    </article>
  );
}

/** Reviews (coordinators): flagged requests, approved or declined with a reason the referrer sees. */
export function ReviewsPage({ service, token }: PageProps) {
  const s = useStyles();
  const queue = useLoad<{ requests: Review[] }>(token, `/api/tab/reviews?service=${encodeURIComponent(service)}`);
  const [notice, setNotice] = useState('');
  if (!queue.data) return queue.error ? <Problem error={queue.error} /> : <Loading label="Loading the reviews" />;
  return (
    <div className={s.stack}>
      <Notice>{notice}</Notice>
      {queue.data.requests.length === 0 ? <Text as="p">No request is waiting for review.</Text>
        : queue.data.requests.map((r) => <Decide key={r.reference} review={r} service={service} token={token} onDone={(n) => { setNotice(n); queue.reload(); }} />)}
    </div>
  );
}
