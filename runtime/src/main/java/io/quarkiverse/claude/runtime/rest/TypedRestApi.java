package io.quarkiverse.claude.runtime.rest;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import io.quarkiverse.claude.runtime.errors.TransportErrors;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The raw REST interface as the application gets it ({@code @Inject @RestClient ClaudeRestApi}): the REST Client's
 * proxy, with its transport failures (refused, reset or closed connections, timeouts) typed where they happen, as
 * {@code ClaudeConnectionException} and {@code ClientTimeoutException}, as its error answers already are. A
 * {@code @ClaudeResilience} method around it retries them on their classes' budgets, and leaves the method's own
 * failures alone.
 */
public final class TypedRestApi implements InvocationHandler {

    private final ClaudeRestApi rest;
    private final TransportErrors errors;

    private TypedRestApi(ClaudeRestApi rest, TransportErrors errors) {
        this.rest = rest;
        this.errors = errors;
    }

    public static ClaudeRestApi of(ClaudeRestApi rest, TransportErrors errors) {
        return (ClaudeRestApi) Proxy.newProxyInstance(ClaudeRestApi.class.getClassLoader(),
                new Class<?>[] { ClaudeRestApi.class }, new TypedRestApi(rest, errors));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "ClaudeRestApi[typed transport failures]";
            };
        }
        Object result;
        try {
            result = method.invoke(rest, args);
        } catch (InvocationTargetException thrown) {
            throw errors.translate(thrown.getCause());
        }
        if (result instanceof Uni<?> uni) {
            return uni.onFailure().transform(errors::translate);
        }
        if (result instanceof Multi<?> multi) {
            return multi.onFailure().transform(errors::translate);
        }
        return result;
    }
}
