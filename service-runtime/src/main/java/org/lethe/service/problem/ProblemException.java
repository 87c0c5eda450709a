package org.lethe.service.problem;

/** A refused request: becomes a problem+json answer with a stable type. Nothing was changed. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(int status, String slug, String title, String detail) {
        super(detail);
        this.problem = new Problem("urn:lethe:problem:" + slug, title, status, detail);
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String slug, String title, String detail) {
        return new ProblemException(400, slug, title, detail);
    }
}
