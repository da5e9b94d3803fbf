package io.quarkiverse.claude.it;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.ModelInfo;
import io.smallrye.mutiny.Uni;

/** The demo's endpoints: ask Claude something and get the answer back, blocking or reactive. */
@Path("/chat")
public class ChatResource {

    @Inject
    ClaudeClient claude;

    @Inject
    @ClaudeClientName("fast")
    ClaudeClient fast;

    /** The request body of {@code POST /chat}. */
    public record ChatRequest(String prompt, String system, Integer maxTokens) {
    }

    /** What the demo answers. */
    public record ChatAnswer(String answer, String model, String stopReason, long inputTokens, long outputTokens,
            String id) {
        static ChatAnswer of(Message message) {
            return new ChatAnswer(message.text(), message.model(), String.valueOf(message.stopReason()),
                    message.usage().inputTokens(), message.usage().outputTokens(), message.id());
        }
    }

    @GET
    public ChatAnswer ask(@QueryParam("prompt") String prompt) {
        return ChatAnswer.of(claude.messages().create(MessageRequest.of(prompt)));
    }

    @POST
    public ChatAnswer chat(ChatRequest request) {
        MessageRequest.Builder builder = MessageRequest.builder().addUserMessage(request.prompt());
        if (request.system() != null) {
            builder.system(request.system());
        }
        if (request.maxTokens() != null) {
            builder.maxTokens(request.maxTokens());
        }
        return ChatAnswer.of(claude.messages().create(builder.build()));
    }

    @GET
    @Path("/async")
    public Uni<ChatAnswer> askAsync(@QueryParam("prompt") String prompt) {
        return claude.messages().createAsync(MessageRequest.of(prompt)).map(ChatAnswer::of);
    }

    @GET
    @Path("/fast")
    public ChatAnswer askFast(@QueryParam("prompt") String prompt) {
        return ChatAnswer.of(fast.messages().create(MessageRequest.of(prompt)));
    }

    @GET
    @Path("/models")
    public List<String> models() {
        return claude.models().list().data().stream().map(ModelInfo::id).toList();
    }
}
