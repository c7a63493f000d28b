module.exports = {
  displayName: 'shared-sqlite',
  preset: '../../../jest.preset.js',
};
