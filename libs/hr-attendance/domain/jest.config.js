module.exports = {
  displayName: 'hr-attendance-domain',
  preset: '../../../jest.preset.js',
};
