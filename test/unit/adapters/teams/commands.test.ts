import { commandVerb } from '../../../../src/conversation/commands';

describe('typed commands', () => {
  it.each([
    ['request consultation', 'request.start'], ['<at>Consultations</at> Request a consultation!', 'request.start'],
    ['Resume', 'draft.resume'], ['cancel', 'draft.cancel'], ['My requests', 'requests.mine'], ['help', 'help'],
  ])('"%s" means %s', (text, verb) => {
    expect(commandVerb(text)).toBe(verb);
  });

  it('treats anything else as no command', () => {
    expect(commandVerb('the family has moved to Swindon')).toBeUndefined();
  });
});
