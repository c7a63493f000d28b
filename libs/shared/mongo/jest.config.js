module.exports = {
  displayName: 'shared-mongo',
  preset: '../../../jest.preset.js',
};
