module.exports = {
  displayName: 'service-desk-contracts',
  preset: '../../../jest.preset.js',
};
