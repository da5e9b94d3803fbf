package io.quarkiverse.claude.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A tool that the API runs itself, in the same call: web search, web fetch or code execution. The answer holds a
 * {@link ServerToolUseBlock} and its {@link ServerToolResultBlock} next to the model's text; the application runs
 * nothing. Immutable: each {@code with…} method returns a copy.
 *
 * <pre>{@code
 * ServerTool.webSearch().withMaxUses(3).withAllowedDomains(List.of("quarkus.io"))
 * }</pre>
 *
 * Each tool has versions, named by its {@code type}; {@link #webSearch()}, {@link #webFetch()} and
 * {@link #codeExecution()} take the first generally available one, {@link #of(String)} any other. Fields a version
 * adds that have no method here go in with {@link MessageRequest.Builder#extraField} on the request, or arrive in
 * {@link #extraFields()} when a request is read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "name" })
@JsonDeserialize(using = JsonDeserializer.None.class) // not ToolDefinition's: it would call itself
public final class ServerTool extends JsonExtensible implements ToolDefinition {

    public static final String WEB_SEARCH_20250305 = "web_search_20250305";
    public static final String WEB_SEARCH_20260209 = "web_search_20260209";
    public static final String WEB_SEARCH_20260318 = "web_search_20260318";
    public static final String WEB_FETCH_20250910 = "web_fetch_20250910";
    public static final String WEB_FETCH_20260209 = "web_fetch_20260209";
    public static final String WEB_FETCH_20260309 = "web_fetch_20260309";
    public static final String WEB_FETCH_20260318 = "web_fetch_20260318";
    /** Runs Python; its results are {@link CodeExecutionToolResultBlock}s. */
    public static final String CODE_EXECUTION_20250522 = "code_execution_20250522";
    /** Runs shell commands and edits files; its results are bash and text-editor result blocks. */
    public static final String CODE_EXECUTION_20250825 = "code_execution_20250825";
    public static final String CODE_EXECUTION_20260120 = "code_execution_20260120";
    public static final String CODE_EXECUTION_20260521 = "code_execution_20260521";

    private static final String WEB_SEARCH = "web_search";
    private static final String WEB_FETCH = "web_fetch";
    private static final String CODE_EXECUTION = "code_execution";

    @JsonProperty("type")
    private String type;
    @JsonProperty("name")
    private String name;
    @JsonProperty("max_uses")
    private Integer maxUses;
    @JsonProperty("allowed_domains")
    private List<String> allowedDomains;
    @JsonProperty("blocked_domains")
    private List<String> blockedDomains;
    @JsonProperty("user_location")
    private UserLocation userLocation;
    @JsonProperty("citations")
    private CitationsConfig citations;
    @JsonProperty("max_content_tokens")
    private Integer maxContentTokens;
    @JsonProperty("cache_control")
    private CacheControl cacheControl;

    ServerTool() {
    }

    private ServerTool(ServerTool from) {
        type = from.type;
        name = from.name;
        maxUses = from.maxUses;
        allowedDomains = from.allowedDomains;
        blockedDomains = from.blockedDomains;
        userLocation = from.userLocation;
        citations = from.citations;
        maxContentTokens = from.maxContentTokens;
        cacheControl = from.cacheControl;
        from.extraFields().forEach(this::putExtraField);
    }

    /** Web search ({@value #WEB_SEARCH_20250305}), billed per search on top of the tokens. */
    public static ServerTool webSearch() {
        return of(WEB_SEARCH_20250305);
    }

    /** Web fetch ({@value #WEB_FETCH_20250910}): the model reads pages whose URL is in the conversation. */
    public static ServerTool webFetch() {
        return of(WEB_FETCH_20250910);
    }

    /** Code execution ({@value #CODE_EXECUTION_20250825}): shell commands and file edits in a sandbox. */
    public static ServerTool codeExecution() {
        return of(CODE_EXECUTION_20250825);
    }

    /**
     * @param type a version of web search, web fetch or code execution, e.g. {@value #WEB_SEARCH_20260209}
     * @throws IllegalArgumentException for a type of another tool
     */
    public static ServerTool of(String type) {
        Objects.requireNonNull(type, "type");
        ServerTool tool = new ServerTool();
        tool.type = type;
        tool.name = familyOf(type);
        if (tool.name == null) {
            throw new IllegalArgumentException("ServerTool type \"" + type + "\" is not a version of web search, web "
                    + "fetch or code execution (e.g. " + WEB_SEARCH_20250305 + ", " + WEB_FETCH_20250910 + ", "
                    + CODE_EXECUTION_20250825 + "); send another server tool with MessageRequest.Builder#extraField");
        }
        return tool;
    }

    /** @return whether {@code type} names a version of one of the tools this class types */
    static boolean isServerToolType(String type) {
        return familyOf(type) != null;
    }

    private static String familyOf(String type) {
        for (String family : List.of(WEB_SEARCH, WEB_FETCH, CODE_EXECUTION)) {
            if (type.startsWith(family + "_20")) {
                return family;
            }
        }
        return null;
    }

    /** At most this many uses in one call (web search and web fetch); past it, the result is {@code max_uses_exceeded}. */
    public ServerTool withMaxUses(int maxUses) {
        requireWeb("max_uses");
        if (maxUses < 1) {
            throw new IllegalArgumentException("max_uses of " + type + " must be at least 1, was " + maxUses);
        }
        ServerTool copy = new ServerTool(this);
        copy.maxUses = maxUses;
        return copy;
    }

    /** Only these domains (web search and web fetch); not together with {@link #withBlockedDomains}. */
    public ServerTool withAllowedDomains(List<String> domains) {
        requireWeb("allowed_domains");
        if (blockedDomains != null) {
            throw new IllegalArgumentException(type + " takes allowed_domains or blocked_domains, not both: "
                    + "remove blocked_domains");
        }
        ServerTool copy = new ServerTool(this);
        copy.allowedDomains = List.copyOf(domains);
        return copy;
    }

    /** Never these domains (web search and web fetch); not together with {@link #withAllowedDomains}. */
    public ServerTool withBlockedDomains(List<String> domains) {
        requireWeb("blocked_domains");
        if (allowedDomains != null) {
            throw new IllegalArgumentException(type + " takes allowed_domains or blocked_domains, not both: "
                    + "remove allowed_domains");
        }
        ServerTool copy = new ServerTool(this);
        copy.blockedDomains = List.copyOf(domains);
        return copy;
    }

    /** Where the user is, for local results (web search). */
    public ServerTool withUserLocation(UserLocation location) {
        require(WEB_SEARCH, "user_location");
        ServerTool copy = new ServerTool(this);
        copy.userLocation = location;
        return copy;
    }

    /** The model cites the fetched pages (web fetch). */
    public ServerTool withCitations() {
        require(WEB_FETCH, "citations");
        ServerTool copy = new ServerTool(this);
        copy.citations = CitationsConfig.enabled();
        return copy;
    }

    /** At most this many tokens of a fetched page go into the context (web fetch). */
    public ServerTool withMaxContentTokens(int maxContentTokens) {
        require(WEB_FETCH, "max_content_tokens");
        if (maxContentTokens < 1) {
            throw new IllegalArgumentException("max_content_tokens of " + type + " must be at least 1, was "
                    + maxContentTokens);
        }
        ServerTool copy = new ServerTool(this);
        copy.maxContentTokens = maxContentTokens;
        return copy;
    }

    /** A prompt-caching breakpoint on this tool. */
    public ServerTool withCacheControl(CacheControl cacheControl) {
        ServerTool copy = new ServerTool(this);
        copy.cacheControl = cacheControl;
        return copy;
    }

    private void requireWeb(String field) {
        if (!WEB_SEARCH.equals(name) && !WEB_FETCH.equals(name)) {
            throw new IllegalArgumentException(field + " is a field of web search and web fetch, not of " + type);
        }
    }

    private void require(String family, String field) {
        if (!family.equals(name)) {
            throw new IllegalArgumentException(field + " is a field of " + family + ", not of " + type);
        }
    }

    /** @return the version, e.g. {@value #WEB_SEARCH_20250305} */
    public String type() {
        return type;
    }

    /** @return {@code web_search}, {@code web_fetch} or {@code code_execution}, as the API requires for each type */
    @Override
    public String name() {
        return name;
    }

    public Integer maxUses() {
        return maxUses;
    }

    public List<String> allowedDomains() {
        return allowedDomains == null ? List.of() : allowedDomains;
    }

    public List<String> blockedDomains() {
        return blockedDomains == null ? List.of() : blockedDomains;
    }

    public UserLocation userLocation() {
        return userLocation;
    }

    /** @return whether the model cites fetched pages */
    public boolean citations() {
        return citations != null && citations.isEnabled();
    }

    public Integer maxContentTokens() {
        return maxContentTokens;
    }

    @Override
    public CacheControl cacheControl() {
        return cacheControl;
    }

    @Override
    public String toString() {
        return "ServerTool[" + type + "]";
    }
}
