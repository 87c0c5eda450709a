package org.lethe.service.problem;

/**
 * An RFC 7807 problem document.
 *
 * @param type   stable identifier of the kind of problem ({@code urn:lethe:problem:<slug>})
 * @param title  short summary of the kind
 * @param status the HTTP status
 * @param detail what was wrong with this request
 */
public record Problem(String type, String title, int status, String detail) {
}
