module.exports = {
  displayName: 'shared-esdb',
  preset: '../../../jest.preset.js',
};
