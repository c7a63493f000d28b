module.exports = {
  displayName: 'shared-eventsourcing',
  preset: '../../../jest.preset.js',
};
