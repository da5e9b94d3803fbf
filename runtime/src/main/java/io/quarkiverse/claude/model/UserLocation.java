package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the user roughly is, so that a web search finds local results: {@code {"type": "approximate", "city": …}}.
 * Every part is optional.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class UserLocation extends JsonExtensible {

    @JsonProperty("type")
    private String type;
    @JsonProperty("city")
    private String city;
    @JsonProperty("region")
    private String region;
    @JsonProperty("country")
    private String country;
    @JsonProperty("timezone")
    private String timezone;

    UserLocation() {
    }

    private UserLocation(String city, String region, String country, String timezone) {
        this.type = "approximate";
        this.city = city;
        this.region = region;
        this.country = country;
        this.timezone = timezone;
    }

    /**
     * @param city e.g. {@code "Lyon"}, or {@code null}
     * @param region e.g. {@code "Auvergne-Rhône-Alpes"}, or {@code null}
     * @param country the two-letter ISO 3166-1 code, e.g. {@code "FR"}, or {@code null}
     * @param timezone the IANA id, e.g. {@code "Europe/Paris"}, or {@code null}
     */
    public static UserLocation approximate(String city, String region, String country, String timezone) {
        return new UserLocation(city, region, country, timezone);
    }

    public String type() {
        return type;
    }

    public String city() {
        return city;
    }

    public String region() {
        return region;
    }

    public String country() {
        return country;
    }

    public String timezone() {
        return timezone;
    }
}
