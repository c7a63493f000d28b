module.exports = {
  displayName: 'property-sales-read-models',
  preset: '../../../jest.preset.js',
};
