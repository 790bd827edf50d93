import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { buildAppPackage, manifestErrors, packageSettings } from '../../../scripts/package-app';

const ENV = {
  PUBLIC_URL: 'https://consultations.example.org', MICROSOFT_APP_ID: '11111111-2222-4333-8444-555555555555', MICROSOFT_APP_TENANT_ID: '99999999-8888-4777-a666-555555555555',
  TAB_SSO_AUDIENCE: '66666666-7777-4888-9999-000000000000,api://consultations.example.org/66666666-7777-4888-9999-000000000000',
  TAB_SSO_ISSUER: 'https://login.microsoftonline.com/{tenantid}/v2.0', TAB_SSO_JWKS_URL: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
};

/** The newest Teams manifest version whose schema @microsoft/app-manifest bundles. */
function newestBundledVersion(): string {
  const dir = `${dirname(require.resolve('@microsoft/app-manifest/build/json-schemas/teams/v1.3/MicrosoftTeams.schema.json'))}/..`;
  const versions = readdirSync(dir).filter((d) => /^v1\.\d+$/.test(d)).map((d) => Number(d.slice(3)));
  return `1.${Math.max(...versions)}`;
}

describe('the Teams app package (npm run package)', () => {
  const { zip } = buildAppPackage(packageSettings(ENV));
  const files = unzipSync(zip);
  // A manifest is a large, loosely typed document; the tests read the parts they check.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<string, any>;

  it('holds the manifest and its two icons, nothing else', () => {
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('is valid against the bundled Teams schema of the newest version bundled', () => {
    expect(manifest.manifestVersion).toBe(newestBundledVersion());
    expect(manifestErrors(manifest as never)).toEqual([]);
  });

  it('carries the bot, the workspace as a static tab and a configurable channel tab, SSO and the domain, from configuration', () => {
    expect(manifest.bots[0].botId).toBe(ENV.MICROSOFT_APP_ID);
    expect(manifest.staticTabs).toContainEqual(expect.objectContaining({ entityId: 'workspace', contentUrl: 'https://consultations.example.org/tab/', scopes: ['personal'] }));
    expect(manifest.configurableTabs).toEqual([expect.objectContaining({ configurationUrl: 'https://consultations.example.org/tab/', scopes: ['team'], context: ['channelTab'] })]);
    expect(manifest.webApplicationInfo).toEqual({ id: '66666666-7777-4888-9999-000000000000', resource: 'api://consultations.example.org/66666666-7777-4888-9999-000000000000' });
    expect(manifest.validDomains).toEqual(['consultations.example.org']);
  });

  it('has a 192x192 colour icon and a 32x32 outline icon in white on transparent', () => {
    const color = PNG.sync.read(Buffer.from(files['color.png']!));
    const outline = PNG.sync.read(Buffer.from(files['outline.png']!));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const pixels = Array.from({ length: outline.width * outline.height }, (_, i) => [...outline.data.subarray(i * 4, i * 4 + 4)]);
    expect(pixels.filter(([r, g, b, a]) => a !== 0 && (r !== 255 || g !== 255 || b !== 255))).toEqual([]);
    expect(pixels.some(([, , , a]) => a! > 0)).toBe(true);
    expect(pixels.some(([, , , a]) => a === 0)).toBe(true);
  });

  it('names the settings it is missing rather than build a package that cannot work', () => {
    expect(() => packageSettings({})).toThrow(/PUBLIC_URL[\s\S]*MICROSOFT_APP_ID[\s\S]*TAB_SSO_AUDIENCE/);
    expect(() => packageSettings({ ...ENV, PUBLIC_URL: 'http://consultations.example.org' })).toThrow(/PUBLIC_URL: the bot's public https address/);
    expect(() => packageSettings({ ...ENV, TAB_SSO_AUDIENCE: '66666666-7777-4888-9999-000000000000' })).toThrow(/TAB_SSO_AUDIENCE: must include the tab app's Application ID URI/);
  });
});
