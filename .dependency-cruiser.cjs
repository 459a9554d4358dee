/**
 * Layering of src/ (docs/architecture.md draws it): a folder may import its own layer and the layers below,
 * never a layer above. Folders on one layer may import each other, but no import cycle is allowed anywhere.
 */
const LAYERS = [
  ['model', 'report', 'cache'],
  ['config', 'parse'],
  ['exec', 'browser', 'runtime'],
  ['links', 'snippet', 'table', 'diagram'],
  ['check'],
  ['transform'],
  ['render'],
  ['pipeline'],
  ['dev'],
  ['cli'],
];

const folders = (layers) => `^src/(${layers.flat().join('|')})/`;

const upward = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `layer-${layer.join('-')}`,
  comment: `${layer.join(', ')} must not import a higher layer (${LAYERS.slice(index + 1).flat().join(', ')})`,
  severity: 'error',
  from: { path: folders([layer]) },
  to: { path: folders(LAYERS.slice(index + 1)) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'unknown-folder',
      comment: 'every folder of src/ has a place in LAYERS (add a new one there and to docs/architecture.md)',
      severity: 'error',
      from: { path: '^src/[^/]+/', pathNot: folders(LAYERS) },
      to: {},
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // TypeScript 7.0 (the native compiler) has no JavaScript API for dependency-cruiser to parse with: swc parses.
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
