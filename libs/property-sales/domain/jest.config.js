module.exports = {
  displayName: 'property-sales-domain',
  preset: '../../../jest.preset.js',
};
