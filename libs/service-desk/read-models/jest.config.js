module.exports = {
  displayName: 'service-desk-read-models',
  preset: '../../../jest.preset.js',
};
