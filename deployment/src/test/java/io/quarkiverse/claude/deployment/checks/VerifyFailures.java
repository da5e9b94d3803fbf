package io.quarkiverse.claude.deployment.checks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.claude.ClaudeClient;

/** Shared by the verify-on-startup tests. */
final class VerifyFailures {

    private VerifyFailures() {
    }

    /** By name: the failure comes from the application's class loader, not the test's. */
    static Throwable find(Throwable failure, Class<?> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals(type.getName())) {
                return t;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in the chain of " + failure, failure);
    }

    @ApplicationScoped
    static class UsesClaude {
        @Inject
        ClaudeClient claude;
    }
}
