/**
 * Preloaded into the bot under the auth drill (`node --require`): points the Bot Framework's token checks at
 * a local OpenID metadata server instead of login.botframework.com. Only the metadata addresses change; the
 * issuer, audience, service URL, expiry and endorsement checks are the library's own, as in production.
 *
 * The bot's configuration has no such setting on purpose (see bench/drills/auth.ts): a production knob that
 * moves where signing keys come from would be a way to make the bot trust anyone's tokens.
 */
const { URL } = require('node:url');
const { AuthenticationConstants } = require('botframework-connector');

const metadata = process.env.BENCH_OPENID_METADATA_URL;
if (!metadata || !/^http:\/\/127\.0\.0\.1:\d+\//.test(metadata)) throw new Error('BENCH_OPENID_METADATA_URL must be a loopback http URL');
AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl = metadata;
// Emulator and skill tokens use another document; point it at a local address that answers 404 so that no
// token shape can make the bot download anything from elsewhere.
AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl = new URL('/emulator-metadata-not-served', metadata).href;
