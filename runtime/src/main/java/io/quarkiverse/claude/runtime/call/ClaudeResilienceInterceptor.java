package io.quarkiverse.claude.runtime.call;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkiverse.claude.ClaudeResilience;
import io.quarkiverse.claude.runtime.client.ClaudeClientRegistry;
import io.quarkus.arc.ArcInvocationContext;
import io.smallrye.mutiny.Uni;

/** Runs a {@link ClaudeResilience} method through the named client's policy, with a guard of its own. */
@ClaudeResilience
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class ClaudeResilienceInterceptor {

    @Inject
    ClaudeClientRegistry registry;

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        ClaudeResilience binding = ArcInvocationContext.findIterceptorBinding(context, ClaudeResilience.class);
        String client = binding == null ? ClaudeResilience.DEFAULT_CLIENT : binding.value();
        ClaudeCalls calls = registry.annotationCalls(client);
        if (Uni.class.isAssignableFrom(context.getMethod().getReturnType())) {
            return calls.async(null, () -> (Uni<?>) proceed(context));
        }
        try {
            return calls.blocking(null, () -> proceed(context));
        } catch (CheckedFailure checked) {
            throw checked.checked();
        }
    }

    private static Object proceed(InvocationContext context) {
        try {
            return context.proceed();
        } catch (RuntimeException | Error unchecked) {
            throw unchecked;
        } catch (Exception checked) {
            throw new CheckedFailure(checked);
        }
    }

    /** Carries a checked exception of the method through the guard; never retried. */
    static final class CheckedFailure extends RuntimeException {
        CheckedFailure(Exception checked) {
            super(checked.getMessage(), checked, false, false);
        }

        Exception checked() {
            return (Exception) getCause();
        }
    }
}
