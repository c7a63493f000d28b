module.exports = {
  displayName: 'distributed-e2e',
  preset: '../../jest.preset.js',
  // One stack of four apps per suite; suites share the engines, so run them one at a time.
  maxWorkers: 1,
  // kafkajs keeps retry timers of clients that saw the broker go away (the outage test) alive
  // after disconnect; every client is closed, so end the worker rather than wait on them.
  forceExit: true,
};
