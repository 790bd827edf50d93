/** Words for long lists shown a page at a time, and for text shortened to fit. */

/** Where a page sits in its list: "Showing 11 to 20 of 40". */
export const pageRange = (from: number, to: number, total: number): string =>
  (total === 0 ? '' : from === 1 && to === total ? `${total} in all` : `Showing ${from} to ${to} of ${total}`);

/** Marks text cut short; the whole is one click away. */
export const ELLIPSIS = '…';

/** What a card says when, against its design, it would still be too long to send (the render-time guard's last resort). */
export const TOO_LONG_TO_SHOW = {
  title: 'Too long to show here',
  text: 'This screen came out longer than Teams can show in one message, so it was left out. Nothing was changed. Please try again, or ask the service to report it.',
};
