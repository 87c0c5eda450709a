package org.lethe.cli.keys;

import org.lethe.evidence.signature.Ed25519KeyPair;
import org.lethe.evidence.signature.PemKeyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;

/** A data subject's Ed25519 identity: make a key pair, or show the subject id of an existing one. */
@Command(name = "keys", description = "Create or inspect a data subject's Ed25519 key pair.",
        subcommands = {KeysCommand.Generate.class, KeysCommand.Show.class})
public final class KeysCommand {

    @Command(name = "generate", description = "Write a new key pair: <dir>/subject.key (owner-only) and <dir>/subject.pub.")
    static final class Generate implements Callable<Integer> {

        @Option(names = "--dir", defaultValue = ".", description = "Directory for the key files (default: ${DEFAULT-VALUE}).")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Path privateKey = dir.resolve("subject.key");
            Path publicKey = dir.resolve("subject.pub");
            if (Files.exists(privateKey) || Files.exists(publicKey)) {
                spec.commandLine().getErr().println("refusing to overwrite " + privateKey + " or " + publicKey);
                return 1;
            }
            Files.createDirectories(dir);
            Ed25519KeyPair keyPair = Ed25519KeyPair.generate(new SecureRandom());
            PemKeyFiles.writePrivateKey(privateKey, keyPair);
            PemKeyFiles.writePublicKey(publicKey, keyPair.publicKey());
            PrintWriter out = spec.commandLine().getOut();
            out.println("private key: " + privateKey + " (keep it secret)");
            out.println("public key:  " + publicKey);
            out.println("subject id:  " + keyPair.publicKey().id());
            return 0;
        }
    }

    @Command(name = "show", description = "Print the subject id (SHA-256 of the public key) of a key file.")
    static final class Show implements Callable<Integer> {

        @Option(names = "--key", required = true, description = "A subject.pub or subject.key PEM file.")
        Path key;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String pem = Files.readString(key);
            var publicKey = pem.contains("PRIVATE KEY") ? PemKeyFiles.parsePrivateKey(pem).publicKey()
                    : PemKeyFiles.parsePublicKey(pem);
            spec.commandLine().getOut().println("subject id: " + publicKey.id());
            spec.commandLine().getOut().println("public key: " + publicKey.toBase64());
            return 0;
        }
    }
}
