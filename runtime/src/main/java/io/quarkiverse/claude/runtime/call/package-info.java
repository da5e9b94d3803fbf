/**
 * The call policy: every call's attempts run through {@link io.quarkiverse.claude.runtime.call.ClaudeCalls}, which
 * throttles them to the rate limits, retries them per error class on SmallRye Fault Tolerance within one deadline, and
 * runs each in the client's bulkhead and circuit breaker; the same policy serves
 * {@link io.quarkiverse.claude.ClaudeResilience} methods. Internal: nothing here is API; types are public only where
 * another package of the extension needs them.
 */
package io.quarkiverse.claude.runtime.call;
