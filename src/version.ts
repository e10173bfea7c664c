/** Bumped whenever extraction or checks change what they produce; stored with every record. */
export const EXTRACTOR_VERSION = '0.3.0';
