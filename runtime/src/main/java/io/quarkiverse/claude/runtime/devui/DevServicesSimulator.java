package io.quarkiverse.claude.runtime.devui;

import java.util.Optional;

import io.quarkus.arc.BeanCreator;
import io.quarkus.arc.SyntheticCreationalContext;

/**
 * Where the simulator of Dev Services listens, if Dev Services started one for this application: the Dev UI tells a
 * client on it from one on another local endpoint (a simulator or proxy the developer started).
 *
 * @param baseUrl the simulator's base URL, or empty when Dev Services started none
 */
public record DevServicesSimulator(Optional<String> baseUrl) {

    /** The name of the synthetic bean's parameter that holds the URL (empty: none). */
    public static final String BASE_URL_PARAM = "baseUrl";

    /** @return whether this base URL is the Dev Services simulator's */
    public boolean serves(String clientBaseUrl) {
        return baseUrl.filter(url -> trimmed(url).equals(trimmed(clientBaseUrl))).isPresent();
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Makes the bean from the URL the build recorded. */
    public static final class Creator implements BeanCreator<DevServicesSimulator> {
        @Override
        public DevServicesSimulator create(SyntheticCreationalContext<DevServicesSimulator> context) {
            Object url = context.getParams().get(BASE_URL_PARAM);
            return new DevServicesSimulator(Optional.ofNullable((String) url).filter(u -> !u.isEmpty()));
        }
    }
}
