package org.lethe.ml.network;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One DJL model of a known {@link Architecture} on the PyTorch engine, with parameter files whose
 * SHA-256 is the weights' identity: {@link #save} returns it and {@link #load} refuses a file that
 * does not match it.
 */
public final class Network implements AutoCloseable {

    private static final String ENGINE = "PyTorch";

    private final Architecture architecture;
    private final Model model;

    private Network(Architecture architecture, Model model) {
        this.architecture = architecture;
        this.model = model;
    }

    /**
     * A freshly initialised network; the same seed (and the same thread count) gives the same weights.
     */
    public static Network create(Architecture architecture, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        Model model = newModel(architecture);
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, architecture.initializationShape());
        return new Network(architecture, model);
    }

    /**
     * Loads a parameter file after checking its SHA-256 against the recorded hash.
     *
     * @throws TamperedParametersException if the file's hash is not the expected one
     * @throws UncheckedIOException        if the file cannot be read or is not this architecture's
     */
    public static Network load(Architecture architecture, Path file, Bytes32 expectedHash) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read parameters " + file, e);
        }
        Bytes32 actual = HashAlgorithm.SHA_256.hash(bytes);
        if (!actual.equals(expectedHash)) {
            throw new TamperedParametersException(file, expectedHash, actual);
        }
        Model model = newModel(architecture);
        try {
            model.getBlock().loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException | MalformedModelException e) {
            model.close();
            throw new UncheckedIOException(new IOException("parameters " + file + " are not a " + architecture + ": "
                    + e.getMessage(), e));
        }
        // a loaded block must be initialised once (weights kept) before DJL can save it again
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, architecture.initializationShape());
        return new Network(architecture, model);
    }

    /**
     * Writes the parameters atomically and returns their SHA-256; the same weights always give the same bytes.
     */
    public Bytes32 save(Path file) {
        byte[] bytes = parameterBytes();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write parameters " + file, e);
        }
        return HashAlgorithm.SHA_256.hash(bytes);
    }

    /** SHA-256 of the parameters as {@link #save} would write them. */
    public Bytes32 weightsHash() {
        return HashAlgorithm.SHA_256.hash(parameterBytes());
    }

    public Architecture architecture() {
        return architecture;
    }

    Model model() {
        return model;
    }

    Block block() {
        return model.getBlock();
    }

    @Override
    public void close() {
        model.close();
    }

    private byte[] parameterBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            model.getBlock().saveParameters(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Model newModel(Architecture architecture) {
        Model model = Model.newInstance("lethe-" + architecture.name().toLowerCase(), Device.cpu(), ENGINE);
        model.setBlock(architecture.newBlock());
        return model;
    }
}
