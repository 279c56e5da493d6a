// Jest 30 on Node 20 cannot require ESM, and NestJS 12 and several peers are ESM-only:
// swc compiles our TypeScript and those packages to CommonJS (see ../shared/ENVIRONMENT.md).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const esm = [
  '@nestjs',
  '@fastify/static',
  'content-disposition',
  'nodemailer',
  'imapflow',
  'mailparser',
  'date-holidays',
  'zod',
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer',
  '@borewit',
  'load-esm',
];
const common = {
  transform: { '^.+\\.(t|j|mj|cj)sx?$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esm.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testEnvironment: 'node',
};
module.exports = {
  // testTimeout is a global option: inside a project entry jest ignores it.
  testTimeout: 60000,
  projects: [
    // test/web specs import portal modules, which name each other through the portal's `@/` alias.
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts', '<rootDir>/test/web/**/*.spec.ts'],
      moduleNameMapper: { '^@/(.*)$': '<rootDir>/web/$1' },
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
};
