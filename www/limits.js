// The sizes that decide how a file is read, in one place for the page, its
// worker and the package: up to WHOLE_BYTES a file is read whole (any
// format); above, a CSV or TSV is streamed by one worker or read in parts
// by several (parallel.js); above LARGEST_FILE it is refused.
export const WHOLE_BYTES = 32 * 1024 * 1024;
export const LARGEST_FILE = 2 * 1024 * 1024 * 1024;
