import { runProcess, startNotifier } from './main';

/** `npm run notifier`: delivery on its own process, sharing the bot's Redis (same code as the bot's inline notifier). */
runProcess(startNotifier);
