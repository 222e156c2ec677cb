package dev.fonte.citation;

import dev.fonte.answer.SourceLookup;
import dev.fonte.http.NotFoundException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Operation;
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
    @Get("/citations/{id}")
    public SourceLookup.CitationView citation(@PathVariable String id) {
        return sources.citation(id).orElseThrow(() -> new NotFoundException("no citation with id '" + id + "'"));
    }

    @Operation(summary = "The documents of the corpus (metadata)")
    @Get("/documents")
    public List<SourceLookup.DocumentView> documents() {
        return sources.documents();
    }

    @Operation(summary = "One document: metadata and its stored text (citation offsets index into it)")
    @Get("/documents/{id}")
    public SourceLookup.DocumentView document(@PathVariable String id) {
        return sources.document(id).orElseThrow(() -> new NotFoundException("no document with id '" + id + "'"));
    }
}
