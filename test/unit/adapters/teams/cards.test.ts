import { loadCatalogues } from '../../../../src/adapters/catalogue/load-catalogues';
import { outcomeCard } from '../../../../src/adapters/teams/cards/outcome-card';
import { reviewCard } from '../../../../src/adapters/teams/cards/review-card';
import { myRequestsCard, noticeCard, welcomeCard } from '../../../../src/adapters/teams/cards/simple-cards';
import { stepCard } from '../../../../src/adapters/teams/cards/step-card';
import { ANSWER_STEPS } from '../../../../src/domain/referral/steps';
import { screen } from '../../../../src/domain/screening/screen';
import { buildAnswers, buildDraft, buildRequest, buildScreeningInput } from '../../../support/builders';
import { cardText } from '../../../support/bot-client';

// adaptivecards loads in Node only through its UMD bundle.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package has no CommonJS entry that works in Node
const AC = require('adaptivecards/dist/adaptivecards.js');

const catalogue = loadCatalogues().get('fass')!;

/** Parses a card as Teams' renderer (schema 1.5) would and returns every problem it reports. */
function problems(card: unknown): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  new AC.AdaptiveCard().parse(card, context);
  return Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message as string);
}

const draft = buildDraft({ answers: buildAnswers(), reachedReview: true });
const preview = screen(buildScreeningInput({ exclusions: ['crisis_intervention'] }), catalogue);
const CARDS: [string, unknown][] = [
  ['welcome', welcomeCard(catalogue)],
  ['notice', noticeCard('Title', 'Text', [{ title: 'Go', verb: 'requests.mine', data: {} }])],
  ...ANSWER_STEPS.map((s) => [`step ${s}`, stepCard(draft, s, catalogue, { today: '2026-11-23', errors: [{ field: 'familyName', message: 'x' }] })] as [string, unknown]),
  ['review', reviewCard(draft, preview, catalogue)],
  ['outcome', outcomeCard(buildRequest({ status: 'not_recommended', screening: preview }), catalogue)],
  ['my requests', myRequestsCard('fass', [buildRequest()], true)],
  ['my requests (none)', myRequestsCard('fass', [], false)],
];

describe('cards', () => {
  it.each(CARDS)('%s is a valid Adaptive Card 1.5 with no unbound template expressions', (_name, card) => {
    expect(problems(card)).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('${');
  });

  it('prefills a step with what was saved and lists what went wrong', () => {
    const card = stepCard(draft, 'about', catalogue, { today: '2026-11-23', errors: [{ field: 'caseNumber', message: 'letters and digits only' }] });
    expect(JSON.stringify(card)).toContain(`"value":"${buildAnswers().about.familyName}"`);
    expect(cardText(card)).toContain('Case number: letters and digits only');
  });

  it('shows every reason and its signposting when a referral is not recommended', () => {
    const text = cardText(outcomeCard(buildRequest({ status: 'not_recommended', screening: preview }), catalogue));
    expect(text).toContain('We are not a crisis intervention service');
    expect(text).toContain('What you can do instead: If a parent is in mental health crisis');
    expect(text).toContain('Ask for duty clinician review');
  });

  it('offers no review button once a request fits the service', () => {
    expect(cardText(outcomeCard(buildRequest(), catalogue))).not.toContain('Ask for duty clinician review');
  });
});
