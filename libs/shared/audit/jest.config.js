module.exports = {
  displayName: 'shared-audit',
  preset: '../../../jest.preset.js',
};
