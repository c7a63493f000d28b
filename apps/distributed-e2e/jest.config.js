module.exports = {
  displayName: 'distributed-e2e',
  preset: '../../jest.preset.js',
  // One stack of four apps per suite; suites share the engines, so run them one at a time.
  maxWorkers: 1,
  // After the Kafka outage test the worker does not exit although every client was disconnected
  // (without that test, --detectOpenHandles reports nothing); end it rather than hang CI.
  forceExit: true,
};
