import { Field, Radio, RadioGroup, Text, Title3 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { configureChannelTab } from '../teams';
import { useStyles } from '../ui';

const CHOICES = [
  { page: 'triage', label: 'Triage', hint: 'Requests waiting for a clinician, urgent first' },
  { page: 'reports', label: 'Reports', hint: 'How the service is doing (coordinators)' },
];

/** The configurable channel tab's settings: which page the channel shows. */
export function ChannelTabSettings() {
  const s = useStyles();
  const [page, setPage] = useState('triage');
  useEffect(() => configureChannelTab(page, `Consultations: ${CHOICES.find((c) => c.page === page)!.label}`), [page]);
  return (
    <div className={s.stack} style={{ padding: 24 }}>
      <Title3 as="h1">Add the Consultations workspace to this channel</Title3>
      <Field label="Show in this channel">
        <RadioGroup value={page} onChange={(_, d) => setPage(d.value)}>
          {CHOICES.map((c) => <Radio key={c.page} value={c.page} label={`${c.label}: ${c.hint}`} />)}
        </RadioGroup>
      </Field>
      <Text>Each person sees only what their role allows: the tab asks who they are when it opens.</Text>
    </div>
  );
}
