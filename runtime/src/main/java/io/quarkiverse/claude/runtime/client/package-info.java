/**
 * The clients and their API namespaces: the registry that creates each configured client once, the factory that
 * builds its REST Client, and the Messages, Models and Batches implementations that fill defaults, check requests
 * before sending and read answers. Internal: nothing here is API; types are public only where another package of the
 * extension needs them.
 */
package io.quarkiverse.claude.runtime.client;
