package org.lethe.cli.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.PrintWriter;

/** Prints a benchmark's result: one JSON line with {@code --json}, indented JSON for people otherwise. */
final class BenchOutput {

    private BenchOutput() {
    }

    static void print(PrintWriter out, Object result, boolean oneLine) throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper();
        if (!oneLine) {
            mapper.enable(SerializationFeature.INDENT_OUTPUT);
        }
        out.println(mapper.writeValueAsString(result));
    }

    /** Rounds a rate or a duration to one decimal for reports. */
    static double oneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Rounds an accuracy to four decimals. */
    static double fourDecimals(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
