/**
 * Streamed answers: the start of a stream (retryable until its first event), the decoding of its server-sent events
 * into typed events, and its blocking forms. Internal: nothing here is API; types are public only where another
 * package of the extension needs them.
 */
package io.quarkiverse.claude.runtime.stream;
