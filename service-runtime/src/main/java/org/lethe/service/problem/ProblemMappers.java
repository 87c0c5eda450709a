package org.lethe.service.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lethe.evidence.document.DocumentVerificationException;
import org.lethe.evidence.document.MalformedDocumentException;
import org.lethe.evidence.json.InvalidJsonException;

/** Every refusal as {@code application/problem+json}; evidence-level failures get their stable types here. */
public final class ProblemMappers {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response malformedDocument(MalformedDocumentException e) {
        return respond(new Problem("urn:lethe:problem:malformed-document", "Not a signed document", 400, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalidJson(InvalidJsonException e) {
        return respond(new Problem("urn:lethe:problem:malformed-json", "Malformed JSON", 400, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response badSignature(DocumentVerificationException e) {
        return respond(new Problem("urn:lethe:problem:bad-signature", "Signature does not verify", 401, e.getMessage()));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }
}
