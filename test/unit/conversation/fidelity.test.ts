import { loadCatalogues } from '../../../src/adapters/catalogue/load-catalogues';
import { createInMemoryStore } from '../../../src/adapters/memory/in-memory-store';
import type { AppContext } from '../../../src/app/context';
import { linkCase } from '../../../src/app/network/link-case';
import type { ConversationContext } from '../../../src/conversation/context';
import { CaseNotifier } from '../../../src/conversation/notify/case-notifier';
import { triageView } from '../../../src/conversation/views/booking';
import { stepView } from '../../../src/conversation/views/journey';
import { outcomeView } from '../../../src/conversation/views/outcome';
import { screeningView } from '../../../src/conversation/wording/screening-view';
import { notification } from '../../../src/domain/network/notification';
import { screen } from '../../../src/domain/screening/screen';
import { createLogger } from '../../../src/logger';
import { buildAnswers, buildDraft, buildRequest, buildScreeningInput, OVERRIDE_CONSENT } from '../../support/builders';
import { RecordingMessenger } from '../../support/recording-messenger';

/** The FASS fidelity corrections as people see them: on the screens, and in what the network is told. */
const catalogues = loadCatalogues();
const fass = catalogues.get('fass')!;

describe('what the screens say', () => {
  it('shows the guide\'s care-proceedings caveat on the special-circumstances path, in the outcome and the review', () => {
    const special = screen(buildScreeningInput({ careProceedings: { inProceedings: true, courtSupportsReunification: true, evidenceOfEngagement: true } }), fass);
    const caveats = screeningView(special).reasons.map((r) => r.caveat).filter(Boolean);
    expect(caveats).toEqual([expect.stringContaining('A referral to FASS would not guarantee therapy for the family')]);
    const outcome = outcomeView(buildRequest({ status: 'awaiting_review', screening: special }), fass);
    expect(outcome.reasons.some((r) => r.caveat.includes('urge court'))).toBe(true);
  });

  it('offers no duty clinician review for a risk of sexual harm, and says why', () => {
    const screening = screen(buildScreeningInput({ exclusions: ['sexual_harm_risk'] }), fass);
    const view = outcomeView(buildRequest({ status: 'not_recommended', screening }), fass);
    expect(view.canRequestReview).toBe(false);
    expect(view.nextStep).toContain('does not take this to a duty clinician');
  });

  it('shows each exclusion and concern by its short label, with the guide\'s words beside it', () => {
    const exclusions = stepView(buildDraft({ answers: buildAnswers() }), 'exclusions', fass, { today: '2026-11-30' });
    expect(exclusions.choices.exclusions[0]).toEqual({ value: 'sexual_harm_risk', title: 'A parent poses a risk of sexual harm to children in their care' });
    expect(exclusions.exclusionNotes[0]).toEqual({ label: 'A parent poses a risk of sexual harm to children in their care', text: 'We do not offer therapy for parents who pose a risk of sexual harm to children in their care.' });
    const concerns = stepView(buildDraft({ answers: buildAnswers() }), 'concerns', fass, { today: '2026-11-30' });
    expect(concerns.choices.concerns.at(-1)).toEqual({ value: 'other', title: 'Another relational concern' });
    expect(concerns.ask.otherConcern).toBe(true);
  });

  it('puts an urgent request\'s urgency on its triage card, so it is seen first', () => {
    const offer = { id: 'o-1', preferences: ['2026-12-02T10:00:00.000Z'], offeredAt: '2026-11-30T10:00:00.000Z', declines: [] };
    const urgent = fass.urgencies.find((u) => u.urgent)!;
    expect(triageView(buildRequest({ status: 'offered', offer }), (id) => id, [], '', urgent).urgency).toBe('Urgent (this week)');
    expect(triageView(buildRequest({ status: 'offered', offer }), (id) => id, [], '', fass.urgencies[0]).urgency).toBe('');
  });
});

describe('what the family\'s network is told', () => {
  const now = new Date('2026-11-30T10:00:00Z');
  const app: AppContext = {
    store: createInMemoryStore(), clock: { now: () => now }, ids: { next: () => 'id' }, catalogues,
    meetingUrl: () => 'https://meet.example.org/x',
  };
  const cc: ConversationContext = { app, people: { names: async () => (x) => x }, links: { exportUrl: (s: string, r: string, t: string) => `https://bot.example.org/export/${s}/${r}/${t}`, exportTtlMs: 60_000, calendarUrl: () => 'https://x/y.ics' } };
  const messenger = new RecordingMessenger(new Set(['conv:conv-net', 'person:user-sw-1']));
  const notifier = new CaseNotifier(cc, messenger, createLogger('silent'));
  const linked = { links: [{ conversationId: 'conv-net', kind: 'groupChat' as const, by: 'user-sw-1', at: '2026-11-29T10:00:00.000Z' }] };

  it('reads a neutral "further work offered" for a next step that names a treatment', async () => {
    const completed = buildRequest({
      ...linked, status: 'completed', completion: { outcome: 'vig_or_mbt_offered', notes: 'MARKER-NOTES', by: 'clin', at: now.toISOString(), consultationAt: now.toISOString() },
    });
    await notifier.deliver(notification(completed, 'completed', now), completed);
    const shown = JSON.stringify(messenger.to('conv:conv-net'));
    expect(shown).toContain('Further work offered');
    expect(shown).not.toMatch(/Video Interaction Guidance|MBT|Parental Psychology/);
  });

  it('is told nothing while a safeguarding override says the family has not been told, and the case cannot be linked', async () => {
    const untold = buildRequest({ ...linked, reference: 'FASS-2026-0009', answers: buildAnswers({ consent: { ...OVERRIDE_CONSENT, familyInformed: 'no' } }) });
    const before = messenger.sent.length;
    await notifier.deliver(notification(untold, 'submitted', now), untold);
    expect(messenger.to('conv:conv-net', before)).toEqual([]);
    const setup = { at: now.toISOString(), actor: untold.ownerId, action: 'test.setup', subject: untold.reference, result: 'ok' as const };
    const draft = buildDraft({ id: 'd-9', ownerId: untold.ownerId });
    await app.store.drafts.save(draft, setup);
    await app.store.requests.create({ ...untold, links: [] }, { ...draft, status: 'submitted', version: 2 }, setup);
    await expect(linkCase(app, { id: untold.ownerId }, { service: 'fass', reference: untold.reference, conversationId: 'conv-net', kind: 'groupChat', on: true }))
      .rejects.toMatchObject({ code: 'network_withheld' });
    const told = buildRequest({ ...linked, reference: 'FASS-2026-0010', answers: buildAnswers({ consent: { ...OVERRIDE_CONSENT, familyInformed: 'yes' } }) });
    await notifier.deliver(notification(told, 'submitted', now), told);
    expect(messenger.to('conv:conv-net', before).length).toBeGreaterThan(0);
  });
});
