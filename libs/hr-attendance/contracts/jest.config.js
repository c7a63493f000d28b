module.exports = {
  displayName: 'hr-attendance-contracts',
  preset: '../../../jest.preset.js',
};
