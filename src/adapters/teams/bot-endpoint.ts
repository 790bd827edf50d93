import {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { Request, Response } from 'restify';
import type { MessageEndpoint } from '../../http/server';
import type { Logger } from '../../logger';
import type { ConsultationBot } from './consultation-bot';

export interface BotCredentials {
  appId: string;
  appPassword: string;
  appType: string;
  tenantId: string;
}

/**
 * Bot Framework's CloudAdapter behind the server's endpoint. An empty app id is local mode (the Agents
 * Playground); with an app id set, every request must carry a valid Bot Framework token or gets 401.
 */
export function createAdapter(credentials: BotCredentials): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword,
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.tenantId,
  } as ConfigurationBotFrameworkAuthenticationOptions);
  return new CloudAdapter(auth);
}

export function createBotEndpoint(credentials: BotCredentials, bot: ConsultationBot, log: Logger): MessageEndpoint & { adapter: CloudAdapter } {
  const adapter = createAdapter(credentials);
  adapter.onTurnError = async (context, error) => {
    log.error({ evt: 'turn_error', code: error.name, activityType: context.activity.type }, 'turn failed');
    if (context.activity.type === 'message') {
      await context.sendActivity('Sorry, something went wrong and nothing was saved from that message. Please try again.').catch(() => undefined);
    }
  };
  return {
    adapter,
    process: (req: Request, res: Response) => adapter.process(req, res, (context) => bot.run(context)),
  };
}
