// Jest's module sandbox runs a dynamic `import()` only with `--experimental-vm-modules`, a flag
// under which a worker's heap grew past 4 GB over the suite. Hive's router-runtime loads its Rust
// planner with one such `import()`; the planner also ships a CommonJS entry, so under jest the
// import becomes a `require` and the planner loads like any other module (its native addon once
// per worker, as Node caches it). Production runs the package untouched.
const { createHash } = require('node:crypto');

const dynamicImport = 'await import(moduleName)';

module.exports = {
  getCacheKey(source, filename) {
    return createHash('sha256').update(__filename).update(filename).update(source).digest('hex');
  },
  process(source, filename) {
    if (!source.includes(dynamicImport)) {
      // A new release loads the planner some other way: say so rather than let tests fail obscurely.
      throw new Error(
        `${filename}: the planner's dynamic import was not found; update tests/support/require-planner.js`,
      );
    }
    return { code: source.replace(dynamicImport, 'require(moduleName)') };
  },
};
