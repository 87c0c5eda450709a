package org.lethe.auditor.report;

import java.time.Instant;

/**
 * A report as issued: its two files and their detached CMS signatures.
 *
 * @param id            SHA-256 of the JSON file
 * @param from          the period's start
 * @param to            the period's end (exclusive)
 * @param generatedAt   when it was made
 * @param json          the canonical JSON
 * @param jsonSignature its signature (DER)
 * @param pdf           the PDF
 * @param pdfSignature  its signature (DER)
 */
public record IssuedReport(String id, Instant from, Instant to, Instant generatedAt, byte[] json, byte[] jsonSignature,
                           byte[] pdf, byte[] pdfSignature) {
}
