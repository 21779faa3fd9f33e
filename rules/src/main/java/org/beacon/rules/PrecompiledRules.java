package org.beacon.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.beacon.rules.engine.RuleBase;

/**
 * A compiled rule set's Drools packages in a form a later process can load instead of compiling the rules again
 * (a start spends most of its time there), with everything that must match before they are used: the build of the
 * program that wrote them, the rule engine's build, the content hash of the workbooks, the SHA-256 of the rules
 * generated from them, and a SHA-256 of the whole. The workbooks are still read and checked, and the rules still
 * written from them, each time; only Drools' compile of those rules is skipped, when they are byte for byte the
 * rules the packages were compiled from.
 *
 * <p>Why a checksum and not only the hashes: loading the packages deserialises Java objects and defines the classes
 * they carry, so a file that is not whole (a torn write, a bad disk) must never reach that step. The checksum is no
 * defence against someone who can write where the bytes are kept: that place must be as closed as the database.
 *
 * @param contentHash the workbooks' hash ({@link RuleSetCompiler#contentHash})
 * @param build the writing program's build; it must equal the reader's
 * @param engineBuild the rule engine's build ({@link RuleBase#engineBuild()})
 * @param drlHash SHA-256 of the generated rules the packages were compiled from
 * @param packages the packages ({@link RuleBase#compiledPackages()})
 */
public record PrecompiledRules(String contentHash, String build, String engineBuild, String drlHash,
        byte[] packages) {

    private static final byte[] MAGIC = "BEACON-PRECOMPILED-RULES".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final int CHECKSUM_BYTES = 32;

    /** What {@code ruleSet} compiled to, to be kept by a program whose build is {@code build}. */
    public static PrecompiledRules of(CompiledRuleSet ruleSet, String build) {
        RuleBase ruleBase = ruleSet.ruleBase();
        return new PrecompiledRules(ruleSet.contentHash(), build, RuleBase.engineBuild(),
                sha256(ruleBase.generatedRules().drl().getBytes(StandardCharsets.UTF_8)),
                ruleBase.compiledPackages());
    }

    /** The bytes to keep: a header, the packages, then the SHA-256 of all that precedes it. */
    public byte[] bytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(packages.length + 512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(contentHash);
            out.writeUTF(build);
            out.writeUTF(engineBuild);
            out.writeUTF(drlHash);
            out.writeInt(packages.length);
            out.write(packages);
            out.flush();
            out.write(sha256Bytes(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The packages kept in {@code bytes} when they are whole (checksum), in this format and from this program's
     * build {@code build} and this engine's; empty otherwise, so that they are compiled again.
     */
    public static Optional<PrecompiledRules> read(byte[] bytes, String build) {
        if (bytes.length < MAGIC.length + CHECKSUM_BYTES) {
            return Optional.empty();
        }
        byte[] body = Arrays.copyOf(bytes, bytes.length - CHECKSUM_BYTES);
        byte[] checksum = Arrays.copyOfRange(bytes, body.length, bytes.length);
        if (!MessageDigest.isEqual(checksum, sha256Bytes(body))) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC) || in.readInt() != FORMAT) {
                return Optional.empty();
            }
            String contentHash = in.readUTF();
            String writtenBy = in.readUTF();
            String engineBuild = in.readUTF();
            String drlHash = in.readUTF();
            byte[] packages = in.readNBytes(in.readInt());
            if (!writtenBy.equals(build) || !engineBuild.equals(RuleBase.engineBuild()) || in.read() != -1) {
                return Optional.empty();
            }
            return Optional.of(new PrecompiledRules(contentHash, writtenBy, engineBuild, drlHash, packages));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether these packages were compiled from exactly {@code rules}, written from workbooks of this hash. */
    boolean compiledFrom(String workbooksHash, RuleBase.Source rules) {
        return contentHash.equals(workbooksHash)
                && drlHash.equals(sha256(rules.drl().getBytes(StandardCharsets.UTF_8)));
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Bytes(bytes));
    }

    private static byte[] sha256Bytes(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
