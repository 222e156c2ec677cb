package dev.fonte.citation;

import dev.fonte.answer.SourceLookup;
import dev.fonte.http.ApiErrors;
import dev.fonte.http.NotFoundException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** What an answer's citations point at: the cited spans and the documents they come from. */
@Controller("/api")
@Tag(name = "citations")
public class CitationController {

    private final SourceLookup sources;

    public CitationController(SourceLookup sources) {
        this.sources = sources;
    }

    @Operation(summary = "The cited span, its document and the paragraph around it")
    @ApiResponse(responseCode = "200", description = "the span, its document, its paragraph as context")
    @ApiErrors.Guarded
    @ApiErrors.ById
    @ApiErrors.NotReady
    @Get("/citations/{id}")
    public SourceLookup.CitationView citation(@PathVariable String id) {
        return sources.citation(id).orElseThrow(() -> new NotFoundException("no citation with id '" + id + "'"));
    }

    @Operation(summary = "The documents of the corpus (metadata)")
    @ApiResponse(responseCode = "200", description = "every document's metadata, without its text")
    @ApiErrors.Guarded
    @ApiErrors.NotReady
    @Get("/documents")
    public List<SourceLookup.DocumentView> documents() {
        return sources.documents();
    }

    @Operation(summary = "One document: metadata and its stored text (citation offsets index into it)")
    @ApiResponse(responseCode = "200", description = "the document with its text")
    @ApiErrors.Guarded
    @ApiErrors.ById
    @ApiErrors.NotReady
    @Get("/documents/{id}")
    public SourceLookup.DocumentView document(@PathVariable String id) {
        return sources.document(id).orElseThrow(() -> new NotFoundException("no document with id '" + id + "'"));
    }
}
