import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import { zipSync } from 'fflate';
import { ConfigError, loadConfig } from '../src/config';

/**
 * `npm run package`: the Teams app package (manifest.json, color.png, outline.png in one zip) for this deployment, from
 * the template in manifest/ and the configuration: the bot's app id (MICROSOFT_APP_ID), the tab's address (PUBLIC_URL,
 * also the one valid domain) and its Entra app for SSO (the api://host/client-id entry of TAB_SSO_AUDIENCE). Checked
 * against Microsoft's schema for its manifest version, bundled with @microsoft/app-manifest (no network).
 */
const MANIFEST_DIR = resolve(__dirname, '../manifest');
export const PACKAGE_PATH = resolve(__dirname, '../dist/app-package/consultations-teams-app.zip');

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export interface PackageSettings {
  publicUrl: string;
  botId: string;
  /** The tab's Entra app: its client id and Application ID URI (api://host/client-id), for webApplicationInfo. */
  sso: { clientId: string; resource: string };
}

/** What the package needs from the environment, or which variables to set and why. */
export function packageSettings(env: NodeJS.ProcessEnv): PackageSettings {
  const config = loadConfig(env);
  const problems: string[] = [];
  if (!config.PUBLIC_URL?.startsWith('https://')) problems.push('PUBLIC_URL: the bot\'s public https address (Teams loads tabs over https only)');
  if (!GUID.test(config.MICROSOFT_APP_ID)) problems.push('MICROSOFT_APP_ID: the bot\'s Microsoft App ID (a GUID)');
  // api://host/<client id>, or api://host/botid-<client id> when the tab shares the bot's Entra app.
  const resource = config.TAB_SSO_AUDIENCE?.find((a) => /^api:\/\/[^/]+\/(?:botid-)?[0-9a-fA-F-]{36}$/.test(a));
  const clientId = resource?.slice(resource.lastIndexOf('/') + 1).replace(/^botid-/, '');
  if (!resource || !clientId || !GUID.test(clientId)) problems.push('TAB_SSO_AUDIENCE: must include the tab app\'s Application ID URI, api://<your host>/<its client id>');
  if (problems.length > 0) throw new ConfigError(`Cannot build the Teams app package; set:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return { publicUrl: config.PUBLIC_URL!, botId: config.MICROSOFT_APP_ID, sso: { clientId: clientId!, resource: resource! } };
}

type Manifest = Record<string, unknown> & { manifestVersion: string; icons: { color: string; outline: string } };

/** The template with this deployment's ids and addresses filled in. */
export function fillManifest(template: Manifest, settings: PackageSettings): Manifest {
  const tab = `${settings.publicUrl}/tab/`;
  const bots = (template.bots as Record<string, unknown>[]).map((b) => ({ ...b, botId: settings.botId }));
  const staticTabs = (template.staticTabs as Record<string, unknown>[]).map((t) => (t.entityId === 'workspace' ? { ...t, contentUrl: tab, websiteUrl: tab } : t));
  const configurableTabs = (template.configurableTabs as Record<string, unknown>[]).map((t) => ({ ...t, configurationUrl: tab }));
  return {
    ...template, bots, staticTabs, configurableTabs,
    validDomains: [new URL(settings.publicUrl).host],
    webApplicationInfo: { id: settings.sso.clientId, resource: settings.sso.resource },
  };
}

/** Schema errors for a manifest, against the bundled schema of the version it declares (empty when valid). */
export function manifestErrors(manifest: Manifest): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the schema is picked by the manifest's own version; the package index needs an undeclared dependency
  const schema = require(`@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`) as object;
  const validate = new Ajv({ allErrors: true, strict: false, logger: false }).compile(schema);
  return validate(manifest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(manifest)'} ${e.message ?? ''}`);
}

/** The package's files: the filled manifest and the two icons, zipped. */
export function buildAppPackage(settings: PackageSettings, dir = MANIFEST_DIR): { manifest: Manifest; zip: Uint8Array } {
  const manifest = fillManifest(JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8')) as Manifest, settings);
  const errors = manifestErrors(manifest);
  if (errors.length > 0) throw new ConfigError(`The manifest does not fit the Teams schema ${manifest.manifestVersion}:\n${errors.map((e) => `  ${e}`).join('\n')}`);
  const files = { 'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) };
  return {
    manifest,
    zip: zipSync({ ...files, [manifest.icons.color]: readFileSync(resolve(dir, manifest.icons.color)), [manifest.icons.outline]: readFileSync(resolve(dir, manifest.icons.outline)) }),
  };
}

if (require.main === module) {
  try {
    const { manifest, zip } = buildAppPackage(packageSettings(process.env));
    mkdirSync(resolve(PACKAGE_PATH, '..'), { recursive: true });
    writeFileSync(PACKAGE_PATH, zip);
    process.stdout.write(`${PACKAGE_PATH}: Teams manifest ${manifest.manifestVersion}, tab ${manifest.validDomains as string}, valid against the bundled schema\n`);
  } catch (e) {
    process.stderr.write(`${e instanceof ConfigError ? e.message : (e as Error).stack}\n`);
    process.exit(1);
  }
}
