module.exports = {
  displayName: 'hr-attendance-read-models',
  preset: '../../../jest.preset.js',
};
