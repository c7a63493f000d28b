module.exports = {
  displayName: 'shared-nest',
  preset: '../../../jest.preset.js',
};
