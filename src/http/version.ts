/** The package version, sent in the default `User-Agent` (`kaifang/<version>`). */
export const VERSION = '0.1.0';
