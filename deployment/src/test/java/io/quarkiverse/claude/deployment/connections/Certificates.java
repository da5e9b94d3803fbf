package io.quarkiverse.claude.deployment.connections;

import java.nio.file.Files;
import java.nio.file.Path;

import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;
import io.smallrye.certs.PemCertificateFiles;

/** Self-signed certificates made when a test starts: no key material is kept in the sources. */
final class Certificates {

    private Certificates() {
    }

    /**
     * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, in PEM files in a new temporary directory:
     * {@link PemCertificateFiles#certFile()} and {@link PemCertificateFiles#keyFile()} for the server,
     * {@link PemCertificateFiles#trustFile()} for the clients that are to trust it.
     */
    static PemCertificateFiles selfSigned(String name) {
        try {
            Path directory = Files.createTempDirectory("quarkus-claude-tls");
            directory.toFile().deleteOnExit();
            PemCertificateFiles files = (PemCertificateFiles) new CertificateGenerator(directory, true)
                    .generate(new CertificateRequest().withName(name).withFormat(Format.PEM)).get(0);
            for (Path file : new Path[] { files.certFile(), files.keyFile(), files.trustFile() }) {
                file.toFile().deleteOnExit();
            }
            return files;
        } catch (Exception e) {
            throw new IllegalStateException("could not make a self-signed certificate", e);
        }
    }
}
