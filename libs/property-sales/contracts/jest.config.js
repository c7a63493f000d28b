module.exports = {
  displayName: 'property-sales-contracts',
  preset: '../../../jest.preset.js',
};
