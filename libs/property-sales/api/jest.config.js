module.exports = {
  displayName: 'property-sales-api-lib',
  preset: '../../../jest.preset.js',
};
