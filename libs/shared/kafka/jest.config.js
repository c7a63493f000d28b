module.exports = {
  displayName: 'shared-kafka',
  preset: '../../../jest.preset.js',
};
