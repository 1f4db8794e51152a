// Three projects, one per kind of test (STYLE §3): pure unit, integration against the real
// Postgres and Kafka, and GraphQL over HTTP against a started app.
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const moduleNameMapper = {
  '^@concord/kernel/testing$': '<rootDir>/libs/kernel/src/testing/index.ts',
  '^@concord/reference/context$': '<rootDir>/libs/reference/src/reference.context.ts',
  '^@concord/test-support$': '<rootDir>/test/support/index.ts',
  '^@concord/(.*)$': '<rootDir>/libs/$1/src/index.ts',
};

const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  rootDir: __dirname,
  testMatch,
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  ...extra,
});

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  maxWorkers: process.env.CI ? 2 : '50%',
  projects: [
    project('unit', ['<rootDir>/{apps,libs,test}/**/*.spec.ts']),
    project('int', ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'], { slowTestThreshold: 30 }),
    project('e2e', ['<rootDir>/{apps,libs,test}/**/*.e2e-spec.ts'], { slowTestThreshold: 60 }),
  ],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testTimeout: 60_000,
};
