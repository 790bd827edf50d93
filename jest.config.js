/**
 * Five suites: pure unit tests, one contract suite run on both stores, real-Redis integration, end to end
 * through the Agents Playground, and last the scan of everything the others posted and logged.
 */
const project = (name, extra = {}) => ({
  displayName: name,
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: [`<rootDir>/test/${name}`],
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
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
