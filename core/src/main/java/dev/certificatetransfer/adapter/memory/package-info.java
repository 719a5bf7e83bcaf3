/**
 * {@link dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository}: a thread-safe repository in memory,
 * for tests, demos and single-process hosts that keep nothing across restarts.
 */
package dev.certificatetransfer.adapter.memory;
