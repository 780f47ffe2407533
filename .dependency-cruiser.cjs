/**
 * The layers of src/ (shared/HOUSE-STYLE.md): cli → app → (import, remind, report-model, sheet,
 * db) → domain. report/ is presentation, imported by cli/ (and web/, the other shell) alone; report-model/ holds the shapes
 * app/ returns and report/ draws; io/ and types/ are leaf utilities that any layer below cli/
 * may use. Checked by `npm test` (test/boundaries.test.ts) and by `npm run boundaries`.
 */
const MIDDLE = '^src/(import|remind|report-model|sheet|db)/';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle makes two files one module in disguise: move what both need into a third, lower one.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'cli-is-the-top',
      severity: 'error',
      comment: 'Only cli/ (and bin/) may import cli/.',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'report-only-from-cli',
      severity: 'error',
      comment: 'report/ is presentation: only cli/ (and web/, the other shell) chooses a renderer.',
      from: { path: '^src/', pathNot: '^src/(cli|web|report)/' },
      to: { path: '^src/report/' },
    },
    {
      name: 'report-not-from-app',
      severity: 'error',
      comment: 'Renderers receive data; the shapes they draw live below app/ (report-model/, domain/).',
      from: { path: '^src/report/' },
      to: { path: '^src/(app|db)/' },
    },
    {
      name: 'app-not-up',
      severity: 'error',
      comment: 'app/ returns data and never prints: it imports neither cli/, web/ nor report/.',
      from: { path: '^src/app/' },
      to: { path: '^src/(cli|web|report)/' },
    },
    {
      name: 'web-only-from-cli',
      severity: 'error',
      comment: 'web/ is the unit heads\' page, loaded by `tasks serve` alone.',
      from: { path: '^src/', pathNot: '^src/(cli|web)/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'middle-not-up',
      severity: 'error',
      comment: 'import/, remind/, report-model/, sheet/ and db/ are used by app/; they do not reach up to it.',
      from: { path: MIDDLE },
      to: { path: '^src/(app|cli|web|report)/' },
    },
    {
      name: 'middle-not-sideways',
      severity: 'error',
      comment: 'The middle layers are siblings: what two of them share belongs in domain/.',
      from: { path: MIDDLE, pathNot: '^src/report-model/' },
      to: { path: MIDDLE, pathNot: '^src/$1/' },
    },
    {
      name: 'report-model-names-types',
      severity: 'error',
      comment: 'report-model/ holds shapes: it may name the types of import/ and db/ results (type-only), never run their code.',
      from: { path: '^src/report-model/' },
      to: { path: MIDDLE, pathNot: '^src/report-model/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'domain/ holds pure rules: nothing of the other layers, no I/O, no database, no terminal.',
      from: { path: '^src/domain/' },
      to: {
        path: ['^src/(?!domain/)', '^(node:)?(fs|path|child_process|os|net|http|https|stream|readline|process)$', '^node_modules/(kysely|better-sqlite3|pg|chalk|cli-table3|commander|@inquirer)/'],
      },
    },
    {
      name: 'leaves-stay-leaves',
      severity: 'error',
      comment: 'io/ and types/ are leaf utilities: they use domain/ (its errors) and nothing above it.',
      from: { path: '^src/(io|types)/' },
      to: { path: '^src/(?!(io|types|domain)/)' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count too: a renderer that names a use case's type depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
};
