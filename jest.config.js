/**
 * Five suites: pure unit tests, one contract suite run on both stores, real-Redis integration, end to end
 * through the Agents Playground, and last the scan of everything the others posted and logged.
 */
const project = (name, extra = {}) => ({
  displayName: name,
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: [`<rootDir>/test/${name}`],
  transform: {
    '^.+\\.ts$': ['ts-jest', {}],
    // jose (the tab's token checks) ships only as ES modules, which Jest 29 cannot load as they are: compiled to
    // CommonJS for the tests, as Node 22+ loads them itself at run time.
    '/node_modules/jose/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true }, isolatedModules: true }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  ...extra,
});

module.exports = {
  projects: [
    project('unit'),
    project('contract'),
    project('integration'),
    project('e2e'),
    project('pii'),
  ],
};
