package org.lethe.ml.sisa;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.Network;
import org.lethe.ml.network.TamperedParametersException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Parameter files addressed by their SHA-256: {@code <hash>.params}. A shard that a deletion does not
 * touch keeps its files; every load checks the content against the name.
 */
public final class CheckpointStore {

    private final Path directory;

    public CheckpointStore(Path directory) {
        this.directory = directory;
    }

    /** Saves the network's parameters and returns their hash. */
    public Bytes32 put(Network network) {
        Bytes32 hash = network.weightsHash();
        Path file = file(hash);
        if (!Files.exists(file)) {
            network.save(file);
        }
        return hash;
    }

    /**
     * @throws TamperedParametersException if the file's content does not hash to its name
     * @throws UncheckedIOException        if there is no such checkpoint
     */
    public Network get(Architecture architecture, Bytes32 hash) {
        Path file = file(hash);
        if (!Files.exists(file)) {
            throw new UncheckedIOException(new NoSuchFileException(file.toString(), null, "no checkpoint " + hash));
        }
        return Network.load(architecture, file, hash);
    }

    /**
     * Keeps a parameter file handed over from elsewhere (another party's store) under the hash it was named by,
     * once its bytes hash so; a file already kept under that hash is left as it is.
     *
     * @throws TamperedParametersException if the bytes hash to something else (nothing is written)
     */
    public void add(Bytes32 hash, byte[] parameters) {
        Bytes32 actual = HashAlgorithm.SHA_256.hash(parameters);
        Path file = file(hash);
        if (!actual.equals(hash)) {
            throw new TamperedParametersException(file, hash, actual);
        }
        try {
            if (Files.notExists(file)) {
                Files.createDirectories(file.getParent());
                Files.write(file, parameters);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep parameter file " + file, e);
        }
    }

    /**
     * Removes every parameter file not named in {@code kept}: the weights of versions no longer served, which may
     * still carry deleted data.
     *
     * @return how many files were removed
     */
    public int retainOnly(Set<Bytes32> kept) {
        Set<Path> keptFiles = kept.stream().map(this::file).collect(Collectors.toSet());
        if (Files.notExists(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> superseded = files.filter(file -> file.getFileName().toString().endsWith(".params"))
                    .filter(file -> !keptFiles.contains(file)).toList();
            for (Path file : superseded) {
                Files.deleteIfExists(file);
            }
            return superseded.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove superseded parameter files from " + directory, e);
        }
    }

    public Path file(Bytes32 hash) {
        return directory.resolve(hash.toHex().substring(2) + ".params");
    }
}
