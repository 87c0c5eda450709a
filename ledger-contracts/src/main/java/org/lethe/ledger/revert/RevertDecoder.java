package org.lethe.ledger.revert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns revert data into typed exceptions using the contract's ABI: web3j reports custom errors only
 * as raw bytes. The selector picks the error; its arguments are ABI-decoded and named.
 */
public final class RevertDecoder {

    private record ErrorSpec(ContractError error, List<String> names, List<TypeReference<Type>> types) {
    }

    private final Map<String, ErrorSpec> bySelector;

    private RevertDecoder(Map<String, ErrorSpec> bySelector) {
        this.bySelector = bySelector;
    }

    /** The decoder for the UnlearningLedger ABI shipped in this jar. */
    public static RevertDecoder forUnlearningLedger() {
        try (InputStream abi = RevertDecoder.class.getResourceAsStream("/org/lethe/ledger/contract/UnlearningLedger.abi")) {
            if (abi == null) {
                throw new IllegalStateException("UnlearningLedger.abi is missing from the classpath: build ledger-contracts");
            }
            return fromAbi(new ObjectMapper().readTree(abi));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws IllegalStateException if the ABI declares an error {@link ContractError} does not know
     */
    @SuppressWarnings("unchecked")
    static RevertDecoder fromAbi(JsonNode abi) {
        Map<String, ErrorSpec> bySelector = new LinkedHashMap<>();
        for (JsonNode entry : abi) {
            if (!"error".equals(entry.path("type").asText())) {
                continue;
            }
            String name = entry.get("name").asText();
            ContractError error;
            try {
                error = ContractError.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the contract ABI declares error " + name + ", unknown to ContractError");
            }
            List<String> names = new ArrayList<>();
            List<String> solidityTypes = new ArrayList<>();
            List<TypeReference<Type>> types = new ArrayList<>();
            for (JsonNode input : entry.get("inputs")) {
                names.add(input.get("name").asText());
                solidityTypes.add(input.get("type").asText());
                try {
                    types.add((TypeReference<Type>) TypeReference.makeTypeReference(input.get("type").asText()));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("cannot decode ABI type " + input.get("type").asText(), e);
                }
            }
            String signature = name + "(" + String.join(",", solidityTypes) + ")";
            String selector = HashAlgorithm.KECCAK_256.hash(signature.getBytes(StandardCharsets.US_ASCII))
                    .toHex().substring(0, 10);
            bySelector.put(selector, new ErrorSpec(error, names, types));
        }
        return new RevertDecoder(bySelector);
    }

    /**
     * Decodes revert data ({@code 0x} + selector + ABI-encoded arguments).
     *
     * @return the typed exception, or empty when the data is not one of the contract's errors
     */
    public Optional<LedgerRevertException> decode(String function, String revertData) {
        String data = revertData.replace("\"", "").trim();
        if (!data.startsWith("0x") || data.length() < 10) {
            return Optional.empty();
        }
        ErrorSpec spec = bySelector.get(data.substring(0, 10).toLowerCase());
        if (spec == null) {
            return Optional.empty();
        }
        List<Type> values = FunctionReturnDecoder.decode("0x" + data.substring(10), spec.types());
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < spec.names().size() && i < values.size(); i++) {
            arguments.put(spec.names().get(i), javaValue(values.get(i)));
        }
        return Optional.of(LedgerRevertException.of(function, spec.error(), arguments));
    }

    /** The ABI errors this decoder knows, by name: every one must map to a {@link ContractError}. */
    public List<ContractError> knownErrors() {
        return bySelector.values().stream().map(ErrorSpec::error).toList();
    }

    private static Object javaValue(Type value) {
        Object raw = value.getValue();
        if (raw instanceof byte[] bytes) {
            return bytes.length == Bytes32.LENGTH ? Bytes32.of(bytes) : "0x" + HexFormat.of().formatHex(bytes);
        }
        return raw;
    }
}
