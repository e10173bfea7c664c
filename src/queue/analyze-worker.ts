// piscina worker entry: runs one analysis per call on a worker thread.
export { default } from './analyze-task.js';
