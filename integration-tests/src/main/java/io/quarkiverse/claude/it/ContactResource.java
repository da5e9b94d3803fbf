package io.quarkiverse.claude.it;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.Description;

/** Structured outputs: the contact details in a text, as a Java record. */
@Path("/contacts")
public class ContactResource {

    /** What kind of party a contact is. */
    public enum Kind {
        PERSON,
        COMPANY
    }

    /** A postal address. */
    public record Address(String city, @JsonProperty("post_code") String postCode) {
    }

    /** The contact found in the text. */
    public record Contact(@Description("Full name, as written") String name, Kind kind, int age, Optional<String> email,
            List<Address> addresses) {
    }

    @Inject
    ClaudeClient claude;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    public Contact extract(String text) {
        return claude.ask("Extract the contact details of this text: " + text, Contact.class);
    }
}
