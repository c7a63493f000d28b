module.exports = {
  displayName: 'hr-attendance-api',
  preset: '../../../jest.preset.js',
};
