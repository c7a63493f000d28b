module.exports = {
  displayName: 'service-desk-domain',
  preset: '../../../jest.preset.js',
};
