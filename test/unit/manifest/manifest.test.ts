import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv-draft-04';

const dir = resolve(__dirname, '../../../manifest');
const manifest = JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8'));

/** PNG width and height from the IHDR chunk. */
const size = (file: string) => {
  const png = readFileSync(resolve(dir, file));
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
};

describe('the Teams app manifest', () => {
  it('is valid against the bundled Teams schema for its version', () => {
    // The package index needs an undeclared dependency, so the schema file is loaded directly.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a JSON schema chosen by the manifest's version
    const schema = require(`@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
    const validate = ajv.compile(schema);
    expect(validate(manifest) ? [] : validate.errors).toEqual([]);
  });

  it('ships icons of the sizes Teams requires', () => {
    expect(size(manifest.icons.color)).toEqual([192, 192]);
    expect(size(manifest.icons.outline)).toEqual([32, 32]);
  });
});
