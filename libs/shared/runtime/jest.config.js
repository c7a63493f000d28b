module.exports = {
  displayName: 'shared-runtime',
  preset: '../../../jest.preset.js',
};
