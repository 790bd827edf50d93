import {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, StatusCodes, type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import {
  AuthenticationError, type AuthenticateRequestResult, type ClaimsIdentity, type ConnectorFactory, type UserTokenClient,
} from 'botframework-connector';
import type { Request, Response } from 'restify';
import type { MessageEndpoint } from '../../http/server';
import type { Logger } from '../../logger';
import { ConnectorCache } from './connector-cache';
import type { ConsultationBot } from './consultation-bot';
import { failureCode } from '../../ports/store';
import type { InboundGate } from './inbound-gate';
import { refusal, type InboundPolicy } from './inbound-policy';

export interface BotCredentials {
  appId: string;
  appPassword: string;
  appType: string;
  tenantId: string;
}

/** jsonwebtoken's refusals, which botframework-connector passes on as they are (bad signature, alg none, not yet valid). */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * CloudAdapter answers 401 only to an AuthenticationError and 500 to anything else: a forged token is a refusal, not our failure.
 * The clients it sends with are made once and kept (see ConnectorCache), for turns and proactive sends alike.
 */
class TokenAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new ConnectorCache();

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    let result: AuthenticateRequestResult;
    try {
      result = await super.authenticateRequest(activity, authHeader);
    } catch (e) {
      throw TOKEN_ERRORS.has((e as Error).name) ? new AuthenticationError('Unauthorized. Invalid token.', StatusCodes.UNAUTHORIZED) : e;
    }
    return result.connectorFactory ? { ...result, connectorFactory: this.connectors.factory(result.connectorFactory, result.claimsIdentity) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.connectors.factory(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.connectors.userTokenClient(claimsIdentity, () => super.createUserTokenClient(claimsIdentity));
  }
}

/**
 * Bot Framework's CloudAdapter behind the server's endpoint. An empty app id is local mode (the Agents
 * Playground); with an app id set, every request must carry a valid Bot Framework token or gets 401.
 */
export function createAdapter(credentials: BotCredentials, log: Logger): CloudAdapter {
  const auth = new TokenAuthentication({
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword,
    // Without an app id nothing is authenticated, so the app type means nothing (and botbuilder would ask a single-tenant app for its tenant).
    MicrosoftAppType: credentials.appId ? credentials.appType : 'MultiTenant',
    MicrosoftAppTenantId: credentials.tenantId,
  } as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new CloudAdapter(auth);
  // Proactive sends (the notifier) run through this too; TeamsSender carries their errors out itself, so none is lost here.
  adapter.onTurnError = async (context, error) => {
    log.error({ evt: 'turn_error', code: failureCode(error), activityType: context.activity.type }, 'turn failed');
    if (context.activity.type === 'message') {
      await context.sendActivity('Sorry, something went wrong and nothing was saved from that message. Please try again.').catch(() => undefined);
    }
  };
  return adapter;
}

/**
 * The endpoint Teams posts to: an activity from another channel or tenant is refused (403) before the adapter
 * runs, so nothing of it is stored; the adapter then checks the token (401); a turn over its inbound limit is
 * answered by the gate without reaching the bot.
 */
export function createBotEndpoint(
  credentials: BotCredentials, bot: ConsultationBot, log: Logger, inbound: { policy: InboundPolicy; gate: InboundGate },
): MessageEndpoint & { adapter: CloudAdapter } {
  const adapter = createAdapter(credentials, log);
  return {
    adapter,
    async process(req: Request, res: Response) {
      const body = (req as Request & { body?: unknown }).body as { type?: unknown } | undefined;
      if (!body || typeof body !== 'object' || typeof body.type !== 'string') {
        res.send(400, { error: 'not_an_activity' });
        return;
      }
      const refused = refusal(body, inbound.policy);
      if (refused) {
        log.warn({ evt: 'inbound_refused', code: refused }, 'activity refused');
        res.send(403, { error: refused });
        return;
      }
      const early = await inbound.gate.early(body);
      if (early) {
        if (early.body) res.send(early.status, early.body);
        else res.send(early.status);
        return;
      }
      await adapter.process(req, res, async (context) => {
        if (await inbound.gate.admit(context)) await bot.run(context);
      });
    },
  };
}
