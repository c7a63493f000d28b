module.exports = {
  displayName: 'service-desk-api',
  preset: '../../../jest.preset.js',
};
