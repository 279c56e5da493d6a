// Module boundaries (ARCHITECTURE.md, "Module boundaries"), checked by `npm run check:boundaries`.
// The SQL half of the rule (tables named in query text) is scripts/check-sql-boundaries.mjs.

/**
 * Floors, lowest first. A module may import only modules listed before it; inside a floor the
 * order is the direction chosen where two modules need each other (ARCHITECTURE.md says why).
 * Modules on the top floor are unordered: they may not import each other at all.
 */
const ORDER = [
  // floor 1: platform
  'audit',
  'organisations',
  'identity',
  'system',
  'outbox',
  'mail',
  // floor 2
  'catalog',
  // floor 3
  'tickets',
];
const TOP = ['sla', 'field', 'problems', 'changes', 'surveys', 'reports', 'text-modules'];

/** What a module offers the others: its Nest module, services, pure rules, SQL fragments, and a few named seams. */
// dto: a module's request/response schemas are its HTTP contract, which another module's route may embed.
const PUBLIC = '(\\.(module|service|rules|sql|registry|guard|dto)\\.ts|^src/modules/system/(jobs|job-registry)\\.ts)$';
/** Files where a module may join another module's tables through that module's SQL fragments. */
const QUERY_FILES = '\\.(repository|queries|writer|sql)\\.ts$';

const mod = (name) => `^src/modules/${name}/`;
const any = (names) => `^src/modules/(${names.join('|')})/`;

const floorRules = [...ORDER, ...TOP].map((name) => {
  const below = TOP.includes(name) ? ORDER : ORDER.slice(0, ORDER.indexOf(name));
  return {
    name: `floor-${name}`,
    comment: `${name} may import only modules below it (${below.join(', ') || 'none'}): a lower module never reads a higher one.`,
    severity: 'error',
    from: { path: mod(name) },
    to: { path: '^src/modules/([^/]+)/', pathNot: [mod(name), ...(below.length ? [any(below)] : [])] },
  };
});

module.exports = {
  forbidden: [
    ...floorRules,
    {
      name: 'no-foreign-entities',
      comment: "A module never imports another module's entities: it holds plain id columns and goes through the owner's service.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/(entities/.+|[^/]+\\.entity)\\.ts$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'only-public-surface',
      comment: "Across modules, import only the owner's module, services, pure rules, SQL fragments and named seams (registry, guard, system/jobs).",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', PUBLIC] },
    },
    {
      name: 'fragments-in-query-files',
      comment: "Another module's SQL fragments are used only in the reader's repository/queries (or writer) file, where the one-round-trip join lives.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: QUERY_FILES },
      to: { path: '^src/modules/[^/]+/[^/]+\\.sql\\.ts$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'common-below-modules',
      comment: 'common/ and config/ are the ground floor: they never import a module.',
      severity: 'error',
      from: { path: '^src/(common|config)/' },
      to: { path: '^src/modules/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
