package io.quarkiverse.claude.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The body of {@code POST /v1/messages} and {@code POST /v1/messages/count_tokens}. Immutable; build one with
 * {@link #builder()} or {@link #of(String)}.
 * <p>
 * {@code model} and {@code max_tokens} may be left out: the client fills them from {@code quarkus.claude.model} and
 * {@code quarkus.claude.max-tokens}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class MessageRequest {

    @JsonProperty("model")
    private String model;
    @JsonProperty("max_tokens")
    private Integer maxTokens;
    @JsonProperty("messages")
    private List<MessageParam> messages;
    @JsonProperty("system")
    @JsonDeserialize(using = TextOrBlocksDeserializer.class)
    private Object system;
    @JsonProperty("temperature")
    private Double temperature;
    @JsonProperty("top_p")
    private Double topP;
    @JsonProperty("top_k")
    private Integer topK;
    @JsonProperty("stop_sequences")
    private List<String> stopSequences;
    @JsonProperty("metadata")
    private Metadata metadata;
    @JsonProperty("tools")
    private List<ToolDefinition> tools;
    @JsonProperty("tool_choice")
    private ToolChoice toolChoice;
    @JsonProperty("thinking")
    private ThinkingConfig thinking;
    @JsonProperty("service_tier")
    private String serviceTier;
    @JsonProperty("output_config")
    private OutputConfig outputConfig;
    // the other top-level fields of the SDK's MessageCreateParams (issue 17, part 3)
    @JsonProperty("container")
    private String container;
    @JsonProperty("inference_geo")
    private String inferenceGeo;
    @JsonProperty("cache_control")
    private CacheControl cacheControl;
    @JsonProperty("stream")
    private Boolean stream;
    private final Map<String, Object> extraFields = new LinkedHashMap<>();

    MessageRequest() {
    }

    /** A one-turn request with the configured model and max tokens. */
    public static MessageRequest of(String userPrompt) {
        return builder().addUserMessage(userPrompt).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder that starts from this request */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.model = model;
        builder.maxTokens = maxTokens;
        builder.messages.addAll(messages == null ? List.of() : messages);
        builder.system = system;
        builder.temperature = temperature;
        builder.topP = topP;
        builder.topK = topK;
        builder.stopSequences = stopSequences;
        builder.metadata = metadata;
        builder.tools = tools;
        builder.toolChoice = toolChoice;
        builder.thinking = thinking;
        builder.serviceTier = serviceTier;
        builder.outputConfig = outputConfig;
        builder.container = container;
        builder.inferenceGeo = inferenceGeo;
        builder.cacheControl = cacheControl;
        builder.stream = stream;
        builder.extraFields.putAll(extraFields);
        return builder;
    }

    public String model() {
        return model;
    }

    public Integer maxTokens() {
        return maxTokens;
    }

    public List<MessageParam> messages() {
        return messages == null ? List.of() : messages;
    }

    /** @return the system prompt as blocks (a plain-text prompt is one {@link TextBlock}); empty when there is none */
    public List<ContentBlock> system() {
        return TextOrBlocksDeserializer.asBlocks(system);
    }

    public Double temperature() {
        return temperature;
    }

    public Double topP() {
        return topP;
    }

    public Integer topK() {
        return topK;
    }

    public List<String> stopSequences() {
        return stopSequences == null ? List.of() : stopSequences;
    }

    public Metadata metadata() {
        return metadata;
    }

    /** @return the tools the application runs; {@link #serverTools()} has the API's, {@link #toolDefinitions()} all */
    public List<Tool> tools() {
        return toolDefinitions().stream().filter(Tool.class::isInstance).map(Tool.class::cast).toList();
    }

    /** @return the tools the API runs itself (web search, web fetch, code execution) */
    public List<ServerTool> serverTools() {
        return toolDefinitions().stream().filter(ServerTool.class::isInstance).map(ServerTool.class::cast).toList();
    }

    /** @return every tool of the request, in the order they are sent */
    public List<ToolDefinition> toolDefinitions() {
        return tools == null ? List.of() : tools;
    }

    public ToolChoice toolChoice() {
        return toolChoice;
    }

    public ThinkingConfig thinking() {
        return thinking;
    }

    public String serviceTier() {
        return serviceTier;
    }

    /** @return the {@code output_config} (answer format and effort), or {@code null} */
    public OutputConfig outputConfig() {
        return outputConfig;
    }

    /** @return the id of the code execution container to reuse, or {@code null} */
    public String container() {
        return container;
    }

    /** @return the region where the model runs, e.g. {@code "us"}, or {@code null} for the workspace's default */
    public String inferenceGeo() {
        return inferenceGeo;
    }

    /** @return the request-wide prompt-caching breakpoint, or {@code null} */
    public CacheControl cacheControl() {
        return cacheControl;
    }

    public boolean stream() {
        return Boolean.TRUE.equals(stream);
    }

    /** @return fields set with {@link Builder#extraField(String, Object)}, sent as they are */
    @JsonAnyGetter
    public Map<String, Object> extraFields() {
        return Collections.unmodifiableMap(extraFields);
    }

    @JsonAnySetter
    void putExtraField(String name, Object value) {
        extraFields.put(name, value);
    }

    @Override
    public String toString() {
        // Prompts may hold personal data: show the shape, not the text.
        return "MessageRequest[model=" + model + ", maxTokens=" + maxTokens + ", messages=" + messages().size()
                + ", tools=" + toolDefinitions().size() + ", stream=" + stream() + "]";
    }

    /** Builds a {@link MessageRequest}. */
    public static final class Builder {
        private String model;
        private Integer maxTokens;
        private final List<MessageParam> messages = new ArrayList<>();
        private Object system;
        private Double temperature;
        private Double topP;
        private Integer topK;
        private List<String> stopSequences;
        private Metadata metadata;
        private List<ToolDefinition> tools;
        private ToolChoice toolChoice;
        private ThinkingConfig thinking;
        private String serviceTier;
        private OutputConfig outputConfig;
        private String container;
        private String inferenceGeo;
        private CacheControl cacheControl;
        private Boolean stream;
        private final Map<String, Object> extraFields = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder maxTokens(int maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        /** Replaces the conversation. */
        public Builder messages(List<MessageParam> messages) {
            this.messages.clear();
            this.messages.addAll(messages);
            return this;
        }

        public Builder addMessage(MessageParam message) {
            this.messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        public Builder addUserMessage(String text) {
            return addMessage(MessageParam.user(text));
        }

        public Builder addAssistantMessage(String text) {
            return addMessage(MessageParam.assistant(text));
        }

        public Builder system(String system) {
            this.system = system;
            return this;
        }

        /** A system prompt in blocks, e.g. to put a {@link CacheControl} breakpoint on it. */
        public Builder system(List<TextBlock> system) {
            this.system = List.copyOf(system);
            return this;
        }

        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        public Builder topP(double topP) {
            this.topP = topP;
            return this;
        }

        public Builder topK(int topK) {
            this.topK = topK;
            return this;
        }

        public Builder stopSequences(List<String> stopSequences) {
            this.stopSequences = List.copyOf(stopSequences);
            return this;
        }

        public Builder metadata(Metadata metadata) {
            this.metadata = metadata;
            return this;
        }

        public Builder userId(String userId) {
            return metadata(Metadata.userId(userId));
        }

        /** Replaces the tools: {@link Tool}s that the application runs and {@link ServerTool}s that the API runs. */
        public Builder tools(List<? extends ToolDefinition> tools) {
            this.tools = List.copyOf(tools);
            return this;
        }

        /** Adds a tool, e.g. {@code ServerTool.webSearch()}. */
        public Builder addTool(ToolDefinition tool) {
            List<ToolDefinition> more = new ArrayList<>(tools == null ? List.of() : tools);
            more.add(Objects.requireNonNull(tool, "tool"));
            this.tools = List.copyOf(more);
            return this;
        }

        public Builder toolChoice(ToolChoice toolChoice) {
            this.toolChoice = toolChoice;
            return this;
        }

        public Builder thinking(ThinkingConfig thinking) {
            this.thinking = thinking;
            return this;
        }

        /** {@code "auto"} or {@code "standard_only"}. */
        public Builder serviceTier(String serviceTier) {
            this.serviceTier = serviceTier;
            return this;
        }

        /**
         * The answer's format and effort. {@code messages().create(request, Person.class)} sets the format from the
         * type itself (and keeps an effort set here).
         */
        public Builder outputConfig(OutputConfig outputConfig) {
            this.outputConfig = outputConfig;
            return this;
        }

        /** Reuses the code execution container of an earlier answer (its files and state), by id. */
        public Builder container(String containerId) {
            this.container = containerId;
            return this;
        }

        /** The region where the model runs, e.g. {@code "us"}; without it, the workspace's default. */
        public Builder inferenceGeo(String inferenceGeo) {
            this.inferenceGeo = inferenceGeo;
            return this;
        }

        /**
         * A prompt-caching breakpoint for the whole request: the API puts it on the last block it can cache, so a
         * growing conversation is cached without a breakpoint on each turn.
         */
        public Builder cacheControl(CacheControl cacheControl) {
            this.cacheControl = cacheControl;
            return this;
        }

        public Builder stream(boolean stream) {
            this.stream = stream;
            return this;
        }

        /** A field this version has no setter for yet; it is sent as given (Jackson-serialised). */
        public Builder extraField(String name, Object value) {
            this.extraFields.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        public MessageRequest build() {
            MessageRequest request = new MessageRequest();
            request.model = model;
            request.maxTokens = maxTokens;
            request.messages = List.copyOf(messages);
            request.system = system;
            request.temperature = temperature;
            request.topP = topP;
            request.topK = topK;
            request.stopSequences = stopSequences;
            request.metadata = metadata;
            request.tools = tools;
            request.toolChoice = toolChoice;
            request.thinking = thinking;
            request.serviceTier = serviceTier;
            request.outputConfig = outputConfig;
            request.container = container;
            request.inferenceGeo = inferenceGeo;
            request.cacheControl = cacheControl;
            request.stream = stream;
            request.extraFields.putAll(extraFields);
            return request;
        }
    }
}
