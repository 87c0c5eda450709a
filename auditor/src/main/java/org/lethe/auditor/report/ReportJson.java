package org.lethe.auditor.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.lethe.evidence.json.CanonicalJson;

/** A report as canonical JSON (RFC 8785): the same report always gives the same bytes. */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    private ReportJson() {
    }

    public static byte[] bytes(ComplianceReport report) {
        return CanonicalJson.canonicalBytes(MAPPER.valueToTree(report));
    }
}
