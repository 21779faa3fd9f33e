package org.beacon.service.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a document's commands with {@code bash} in a reader's folder, the way a reader pastes them into a terminal:
 * one block at a time, exported variables ({@code export BEACON=…}) kept from one block to the next. The commands are
 * run as written, after the replacements a reader makes ({@code <the printed password>}; the port the service really
 * listens on for {@code localhost:8080}). Only watching is added: after each command its exit status, and after each
 * {@code curl} the HTTP status ({@code -w}), are printed between markers that cut the transcript into outcomes.
 */
final class ReaderShell {

    private static final String ENV_FILE = ".reader-env";
    private static final Pattern COMMAND = Pattern.compile("(?m)^@@command (\\d+)$");
    private static final Pattern EXIT = Pattern.compile("(?m)^@@exit (\\d+)$");
    private static final Pattern HTTP = Pattern.compile("(?m)^@@http (\\d{3})$");

    /** What one command printed (stdout and stderr, markers removed) and how it ended. */
    record Outcome(String output, int exit, List<Integer> httpStatuses) {
    }

    private final Path folder;
    private final Map<String, String> replacements;
    private final Map<String, String> environment;
    private final Path transcript;

    /**
     * @param folder the reader's working folder
     * @param replacements text a reader replaces in every command before running it
     * @param environment variables the reader's shell has before the first block
     * @param transcript file that receives every command and its output, for a person reading a failure
     */
    ReaderShell(Path folder, Map<String, String> replacements, Map<String, String> environment, Path transcript) {
        this.folder = folder;
        this.replacements = Map.copyOf(replacements);
        this.environment = Map.copyOf(environment);
        this.transcript = transcript;
    }

    /** The command as the reader runs it. */
    String asRun(DocumentedSteps.Command command) {
        String text = command.text();
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            text = text.replace(r.getKey(), r.getValue());
        }
        return text;
    }

    List<Outcome> run(List<DocumentedSteps.Command> commands) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder()
                .append("[ -f ").append(ENV_FILE).append(" ] && . ./").append(ENV_FILE).append('\n')
                .append("curl() { command curl -w '\\n@@http %{http_code}\\n' \"$@\"; }\n");
        for (int i = 0; i < commands.size(); i++) {
            script.append("printf '\\n@@command ").append(i).append("\\n'\n")
                    .append(asRun(commands.get(i))).append('\n')
                    .append("printf '\\n@@exit %s\\n' $?\n");
        }
        script.append("export -p > ").append(ENV_FILE).append('\n');
        Path file = Files.writeString(Files.createTempFile(folder.getParent(), "block-", ".sh"), script);
        Path out = Files.createTempFile(folder.getParent(), "block-", ".out");
        // output to a file, not a pipe: a command that hangs cannot block the test past its time limit
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        Path java = Path.of(System.getProperty("java.home"), "bin");
        builder.environment().put("PATH", java + ":" + System.getenv("PATH"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the commands did not end within 10 minutes: " + commands);
        }
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        Files.writeString(transcript, "\n$ " + String.join("\n$ ", commands.stream().map(this::asRun).toList())
                + "\n" + printed, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return outcomes(printed, commands.size());
    }

    private static List<Outcome> outcomes(String printed, int count) {
        List<Outcome> outcomes = new ArrayList<>();
        Matcher starts = COMMAND.matcher(printed);
        List<Integer> at = new ArrayList<>();
        while (starts.find()) {
            at.add(starts.start());
        }
        if (at.size() != count) {
            throw new AssertionError("bash ran " + at.size() + " of " + count + " commands:\n" + printed);
        }
        for (int i = 0; i < count; i++) {
            String part = printed.substring(at.get(i), i + 1 < count ? at.get(i + 1) : printed.length());
            Matcher exit = EXIT.matcher(part);
            if (!exit.find()) {
                throw new AssertionError("command " + (i + 1) + " ended the shell:\n" + part);
            }
            List<Integer> statuses = new ArrayList<>();
            Matcher http = HTTP.matcher(part);
            while (http.find()) {
                statuses.add(Integer.parseInt(http.group(1)));
            }
            String output = part.substring(part.indexOf('\n') + 1, exit.start());
            output = HTTP.matcher(output).replaceAll("").strip();
            outcomes.add(new Outcome(output, Integer.parseInt(exit.group(1)), statuses));
        }
        return outcomes;
    }
}
