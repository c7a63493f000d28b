module.exports = {
  displayName: 'distributed-e2e',
  preset: '../../jest.preset.js',
  // One stack of four apps per suite; suites share the engines, so run them one at a time.
  maxWorkers: 1,
};
