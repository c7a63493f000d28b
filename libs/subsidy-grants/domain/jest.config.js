module.exports = {
  displayName: 'subsidy-grants-domain',
  preset: '../../../jest.preset.js',
};
