package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Where a passage of a {@link TextBlock} comes from. The {@code type} selects the location's class; a location type
 * this version does not know is an {@link Unknown} that keeps every field. Every location has the {@link #citedText()}.
 * <p>
 * Document locations ({@link CharLocation}, {@link PageLocation}, {@link ContentBlockLocation}) point into a document
 * block of the prompt that has citations enabled ({@link DocumentBlock#withCitations()}); the others point into a
 * search result block or a web search result.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true, defaultImpl = Citation.Unknown.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = Citation.CharLocation.class, name = "char_location"),
        @JsonSubTypes.Type(value = Citation.PageLocation.class, name = "page_location"),
        @JsonSubTypes.Type(value = Citation.ContentBlockLocation.class, name = "content_block_location"),
        @JsonSubTypes.Type(value = Citation.SearchResultLocation.class, name = "search_result_location"),
        @JsonSubTypes.Type(value = Citation.WebSearchResultLocation.class, name = "web_search_result_location")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "cited_text" })
public abstract sealed class Citation extends JsonExtensible {

    @JsonProperty("cited_text")
    private String citedText;

    Citation() {
    }

    /** @return the location's {@code type} as it goes on the wire */
    @JsonProperty("type")
    public abstract String type();

    /** The type of a known location is implied by its class; only {@link Unknown} keeps what was sent. */
    @JsonProperty("type")
    void acceptType(String type) {
    }

    /** @return the text cited, as it stands in the source */
    public String citedText() {
        return citedText;
    }

    /** The fields that the three document locations share. */
    public abstract static sealed class DocumentLocation extends Citation {
        @JsonProperty("document_index")
        private Integer documentIndex;
        @JsonProperty("document_title")
        private String documentTitle;
        @JsonProperty("file_id")
        private String fileId;

        DocumentLocation() {
        }

        /** @return the index of the cited document among the prompt's document blocks, from 0 */
        public Integer documentIndex() {
            return documentIndex;
        }

        public String documentTitle() {
            return documentTitle;
        }

        /** @return the id of the uploaded file the document came from, or {@code null} */
        public String fileId() {
            return fileId;
        }
    }

    /** Characters {@code [start, end)} of a plain-text document. */
    public static final class CharLocation extends DocumentLocation {
        @JsonProperty("start_char_index")
        private Integer startCharIndex;
        @JsonProperty("end_char_index")
        private Integer endCharIndex;

        CharLocation() {
        }

        @Override
        public String type() {
            return "char_location";
        }

        public Integer startCharIndex() {
            return startCharIndex;
        }

        /** @return the index after the last cited character */
        public Integer endCharIndex() {
            return endCharIndex;
        }
    }

    /** Pages {@code [start, end)} of a PDF document, numbered from 1. */
    public static final class PageLocation extends DocumentLocation {
        @JsonProperty("start_page_number")
        private Integer startPageNumber;
        @JsonProperty("end_page_number")
        private Integer endPageNumber;

        PageLocation() {
        }

        @Override
        public String type() {
            return "page_location";
        }

        public Integer startPageNumber() {
            return startPageNumber;
        }

        /** @return the number after the last cited page */
        public Integer endPageNumber() {
            return endPageNumber;
        }
    }

    /** Blocks {@code [start, end)} of a document given as content blocks. */
    public static final class ContentBlockLocation extends DocumentLocation {
        @JsonProperty("start_block_index")
        private Integer startBlockIndex;
        @JsonProperty("end_block_index")
        private Integer endBlockIndex;

        ContentBlockLocation() {
        }

        @Override
        public String type() {
            return "content_block_location";
        }

        public Integer startBlockIndex() {
            return startBlockIndex;
        }

        public Integer endBlockIndex() {
            return endBlockIndex;
        }
    }

    /** Blocks {@code [start, end)} of a search result block (one the application sent, e.g. from its own search). */
    public static final class SearchResultLocation extends Citation {
        @JsonProperty("search_result_index")
        private Integer searchResultIndex;
        @JsonProperty("source")
        private String source;
        @JsonProperty("title")
        private String title;
        @JsonProperty("start_block_index")
        private Integer startBlockIndex;
        @JsonProperty("end_block_index")
        private Integer endBlockIndex;

        SearchResultLocation() {
        }

        @Override
        public String type() {
            return "search_result_location";
        }

        public Integer searchResultIndex() {
            return searchResultIndex;
        }

        public String source() {
            return source;
        }

        public String title() {
            return title;
        }

        public Integer startBlockIndex() {
            return startBlockIndex;
        }

        public Integer endBlockIndex() {
            return endBlockIndex;
        }
    }

    /**
     * A result of the web search server tool. Send {@link #encryptedIndex()} back unchanged in later turns: it is how
     * the API finds the passage again.
     */
    public static final class WebSearchResultLocation extends Citation {
        @JsonProperty("url")
        private String url;
        @JsonProperty("title")
        private String title;
        @JsonProperty("encrypted_index")
        private String encryptedIndex;

        WebSearchResultLocation() {
        }

        @Override
        public String type() {
            return "web_search_result_location";
        }

        public String url() {
            return url;
        }

        public String title() {
            return title;
        }

        public String encryptedIndex() {
            return encryptedIndex;
        }
    }

    /** A location type this version does not know; its fields are in {@link #extraFields()}. */
    public static final class Unknown extends Citation {
        private String type;

        Unknown() {
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        @JsonProperty("type")
        void acceptType(String type) {
            this.type = type;
        }
    }
}
