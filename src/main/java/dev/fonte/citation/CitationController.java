package dev.fonte.citation;

import dev.fonte.answer.SourceLookup;
import dev.fonte.http.ApiErrors;
import dev.fonte.http.NotFoundException;
import dev.fonte.http.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

import java.util.List;

/** What an answer's citations point at: the cited spans and the documents they come from. */
@Controller("/api")
@Tag(name = "citations")
public class CitationController {

    /** Documents in a page when the request does not say. */
    static final int DEFAULT_PAGE = 100;
    /** The largest page. */
    static final int MAX_PAGE = 1000;

    private final SourceLookup sources;
    private final DocumentPages pages;

    public CitationController(SourceLookup sources, DocumentPages pages) {
        this.sources = sources;
        this.pages = pages;
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

    @Operation(summary = "The documents of the corpus (metadata), a page at a time in corpus order: X-Total-Count "
            + "says how many there are, a Link header with rel=next points at the next page")
    @ApiResponse(responseCode = "200", description = "a page of documents' metadata, without their text",
            headers = {@Header(name = "X-Total-Count", description = "documents in the corpus",
                    schema = @Schema(type = "integer")),
                @Header(name = "Link", description = "the next page, when there is one (rel=\"next\")")})
    @ApiResponse(responseCode = "400", description = "offset below 0, or limit outside 1.." + MAX_PAGE,
            content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiErrors.Guarded
    @ApiErrors.NotReady
    @Get("/documents")
    public HttpResponse<List<SourceLookup.DocumentView>> documents(
            @QueryValue(defaultValue = "0") @PositiveOrZero int offset,
            @QueryValue(defaultValue = "" + DEFAULT_PAGE) @Min(1) @Max(MAX_PAGE) int limit) {
        DocumentPages.Page page = pages.page(offset, limit);
        MutableHttpResponse<List<SourceLookup.DocumentView>> response = HttpResponse.ok(page.documents())
                .header("X-Total-Count", Integer.toString(page.total()));
        if (page.hasNext()) {
            response.header(HttpHeaders.LINK, "</api/documents?offset=" + (offset + page.documents().size())
                    + "&limit=" + limit + ">; rel=\"next\"");
        }
        return response;
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
