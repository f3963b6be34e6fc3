package dev.cnnbuild.core.cli;

import dev.cnnbuild.core.engine.ClassPathNatives;
import dev.cnnbuild.core.files.Sha256;
import dev.cnnbuild.core.metrics.ToolVersions;
import dev.cnnbuild.core.rules.RuleException;
import dev.cnnbuild.core.spec.DeviceChoice;
import dev.cnnbuild.core.spec.MemoryLimit;
import dev.cnnbuild.core.spec.ModuleArtifact;
import dev.cnnbuild.core.spec.ModuleArtifacts;
import dev.cnnbuild.core.threads.ThreadSettings;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The one serializer and deserializer of {@link ForkRequest}s, as surefire's {@code BooterSerializer} and
 * {@code BooterDeserializer} are for a forked test JVM: Maven's JVM writes a request to a properties file in the
 * build's folder, and the fork reads it back, so both sides use the same keys and no setting travels another way.
 *
 * <p>The file names its format, the plugin version that wrote it and the goal, and ends with the SHA-256 of all its
 * other keys and values; a file that is missing, cannot be read, comes from another plugin version, is for another
 * goal, was changed or cut short, or holds a value that does not parse is refused with a {@link ForkRequestException}
 * that says which and what to do. A list is written as {@code key.count} and {@code key.0}, {@code key.1}, ...;
 * an absent optional value has no key.
 *
 * <pre>{@code
 * Path file = ForkRequestFile.write(request, Path.of("target/cnn-fork"));       // in Maven's JVM
 * TrainForkRequest same = ForkRequestFile.read(file, TrainForkRequest.class);   // in the fork
 * }</pre>
 */
public final class ForkRequestFile {
    /** The version of the file's layout; a reader refuses any other. */
    static final String FORMAT = "1";

    static final String FORMAT_KEY = "cnn.request.format";
    static final String VERSION_KEY = "cnn.request.pluginVersion";
    static final String GOAL_KEY = "cnn.request.goal";
    static final String CHECKSUM_KEY = "cnn.request.sha256";

    private ForkRequestFile() {}

    /**
     * Writes a request to a new file in a folder, creating the folder.
     *
     * @param request the request
     * @param folder where, such as {@code target/cnn-fork}
     * @return the file, named after the goal, such as {@code train-4711.properties}
     * @throws IOException if the folder or the file cannot be written
     */
    public static Path write(ForkRequest request, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = Files.createTempFile(folder, request.goal() + "-", ".properties");
        Files.writeString(file, text(request), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Returns a request as the file's text.
     *
     * @param request the request
     * @return the text, in properties format
     */
    static String text(ForkRequest request) {
        Fields fields = new Fields();
        fields.put(FORMAT_KEY, FORMAT);
        fields.put(VERSION_KEY, ToolVersions.toolVersion());
        fields.put(GOAL_KEY, request.goal());
        fields.put("threads", Integer.toString(request.threads().count()));
        fields.put("threads.adaptive", Boolean.toString(request.threads().adaptive()));
        request.parentPid().ifPresent(pid -> fields.put("parentPid", Long.toString(pid)));
        if (request instanceof TrainForkRequest train) {
            writeTrain(train, fields);
        } else if (request instanceof CheckForkRequest check) {
            writeCheck(check, fields);
        }
        Properties properties = new Properties();
        properties.putAll(fields.values);
        properties.put(CHECKSUM_KEY, fields.checksum());
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "cnn-maven-plugin: what the forked JVM is to do; written for one run");
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter failed", e);
        }
        return text.toString();
    }

    private static void writeTrain(TrainForkRequest request, Fields fields) {
        fields.putList(
                "model", request.modelFiles().stream().map(Path::toString).toList());
        fields.put("output", request.outputDirectory().toString());
        fields.put("project", request.projectDirectory().toString());
        request.device().ifPresent(device -> fields.put("device", device.yamlName()));
        request.devices()
                .ifPresent(
                        count -> fields.put("devices", count == DeviceChoice.ALL_DEVICES ? "all" : count.toString()));
        fields.put("force", Boolean.toString(request.force()));
        fields.put("memoryLimit.bytes", Long.toString(request.memoryLimit().bytes()));
        fields.put("memoryLimit.source", request.memoryLimit().source());
        request.natives().ifPresent(natives -> {
            fields.put("natives.pytorchVersion", natives.pytorchVersion());
            fields.put("natives.flavor", natives.flavor());
        });
        fields.putList("artifact", List.copyOf(request.artifacts().files().keySet()));
        fields.putList(
                "artifact.file",
                request.artifacts().files().values().stream()
                        .map(Path::toString)
                        .toList());
    }

    private static void writeCheck(CheckForkRequest request, Fields fields) {
        fields.put("output", request.outputDirectory().toString());
        fields.put("project", request.projectDirectory().toString());
        request.baselineDirectory().ifPresent(folder -> fields.put("baselines", folder.toString()));
        request.reportsDirectory().ifPresent(folder -> fields.put("reports", folder.toString()));
        fields.putList(
                "rule", request.rules().stream().map(RuleArgument::encode).toList());
        fields.putList("modelName", request.modelNames());
        fields.put("device", request.device());
    }

    /**
     * Reads a request of the given kind.
     *
     * @param file the file, as {@link #write} wrote it
     * @param type {@code TrainForkRequest.class} or {@code CheckForkRequest.class}
     * @param <T> the kind
     * @return the request
     * @throws ForkRequestException if the file is missing, unreadable, of another plugin version or goal, changed,
     *     cut short, or holds a value that does not parse
     */
    public static <T extends ForkRequest> T read(Path file, Class<T> type) throws ForkRequestException {
        ForkRequest request = read(file);
        if (!type.isInstance(request)) {
            throw new ForkRequestException(file + " is a request for cnn:" + request.goal() + ", not for this fork ("
                    + type.getSimpleName() + "); start each fork with the request its goal wrote");
        }
        return type.cast(request);
    }

    /**
     * Reads a request.
     *
     * @param file the file, as {@link #write} wrote it
     * @return the request
     * @throws ForkRequestException if the file is missing, unreadable, of another plugin version, changed, cut
     *     short, or holds a value that does not parse
     */
    public static ForkRequest read(Path file) throws ForkRequestException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ForkRequestException("the fork's request file " + file + " does not exist; the plugin writes it"
                    + " for each fork and deletes it afterwards, so run the Maven goal again");
        } catch (IOException e) {
            throw new ForkRequestException("the fork's request file " + file + " cannot be read (" + e
                    + "); check its permissions, or run the Maven goal again");
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw corrupt(file, "it is not a properties file (" + e.getMessage() + ")");
        }
        Fields fields = new Fields();
        properties.forEach((key, value) -> fields.put((String) key, (String) value));
        String checksum = fields.values.remove(CHECKSUM_KEY);
        String format = fields.values.get(FORMAT_KEY);
        String version = fields.values.get(VERSION_KEY);
        if (format != null && !format.equals(FORMAT)
                || version != null && !version.equals(ToolVersions.toolVersion())) {
            throw new ForkRequestException("the fork's request file " + file + " was written by cnn-maven-plugin "
                    + version + " (request format " + format + "), but this fork is " + ToolVersions.toolVersion()
                    + " (format " + FORMAT + "); run the build again with one version of the plugin");
        }
        if (checksum == null || !checksum.equals(fields.checksum())) {
            throw corrupt(file, checksum == null ? "it has no checksum" : "its checksum does not match its content");
        }
        Reader reader = new Reader(file, fields.values);
        ForkRequest request =
                switch (reader.text(GOAL_KEY)) {
                    case "train" -> readTrain(reader);
                    case "check" -> readCheck(reader);
                    default -> throw reader.wrong(GOAL_KEY, "train or check");
                };
        return request;
    }

    private static TrainForkRequest readTrain(Reader reader) throws ForkRequestException {
        Optional<String> version = reader.optional("natives.pytorchVersion");
        Optional<String> flavor = reader.optional("natives.flavor");
        if (version.isPresent() != flavor.isPresent()) {
            throw reader.wrong("natives.flavor", "given together with natives.pytorchVersion");
        }
        long bytes = reader.number("memoryLimit.bytes", Long::parseLong);
        if (bytes < 1) {
            throw reader.wrong("memoryLimit.bytes", "a number of bytes above 0");
        }
        return new TrainForkRequest(
                reader.list("model").stream().map(Path::of).toList(),
                reader.path("output"),
                reader.path("project"),
                reader.optional("device").isPresent() ? Optional.of(reader.device("device")) : Optional.empty(),
                reader.optional("devices").isPresent() ? Optional.of(reader.deviceCount("devices")) : Optional.empty(),
                reader.flag("force"),
                reader.threads(),
                new MemoryLimit(bytes, reader.text("memoryLimit.source")),
                version.map(v -> new ClassPathNatives(v, flavor.get())),
                reader.parentPid(),
                reader.artifacts());
    }

    private static CheckForkRequest readCheck(Reader reader) throws ForkRequestException {
        List<RuleArgument> rules = new ArrayList<>();
        for (String rule : reader.list("rule")) {
            try {
                rules.add(RuleArgument.decode(rule));
            } catch (RuleException e) {
                throw reader.wrong("rule", "rules as the plugin encodes them (" + e.getMessage() + ")");
            }
        }
        String device = reader.text("device");
        reader.device("device");
        return new CheckForkRequest(
                reader.path("output"),
                reader.path("project"),
                reader.optional("baselines").map(Path::of),
                reader.optional("reports").map(Path::of),
                rules,
                reader.list("modelName"),
                device,
                reader.threads(),
                reader.parentPid());
    }

    /** Returns the SHA-256 of keys and values, sorted by key, one {@code key=value} line each. */
    static String checksum(Map<String, String> values) {
        StringBuilder all = new StringBuilder();
        new TreeMap<>(values)
                .forEach((key, value) ->
                        all.append(key).append('=').append(value).append('\n'));
        return Sha256.of(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ForkRequestException corrupt(Path file, String why) {
        return new ForkRequestException("the fork's request file " + file + " is corrupt: " + why + "; it is written"
                + " for each fork, so do not edit it, and run the Maven goal again");
    }

    /** The keys and values being written or read, sorted, so that the checksum does not depend on their order. */
    private static final class Fields {
        private final Map<String, String> values = new TreeMap<>();

        void put(String key, String value) {
            values.put(key, value);
        }

        void putList(String key, List<String> list) {
            put(key + ".count", Integer.toString(list.size()));
            for (int i = 0; i < list.size(); i++) {
                put(key + "." + i, list.get(i));
            }
        }

        String checksum() {
            return ForkRequestFile.checksum(values);
        }
    }

    /** Typed reads of the keys, each failing with the file, the key and what it should hold. */
    private static final class Reader {
        private final Path file;
        private final Map<String, String> values;

        Reader(Path file, Map<String, String> values) {
            this.file = file;
            this.values = values;
        }

        String text(String key) throws ForkRequestException {
            String value = values.get(key);
            if (value == null) {
                throw corrupt(file, "key '" + key + "' is missing");
            }
            return value;
        }

        Optional<String> optional(String key) {
            return Optional.ofNullable(values.get(key));
        }

        Path path(String key) throws ForkRequestException {
            return Path.of(text(key));
        }

        boolean flag(String key) throws ForkRequestException {
            String value = text(key);
            if (!value.equals("true") && !value.equals("false")) {
                throw wrong(key, "true or false");
            }
            return Boolean.parseBoolean(value);
        }

        <N> N number(String key, Function<String, N> parse) throws ForkRequestException {
            try {
                return parse.apply(text(key));
            } catch (NumberFormatException e) {
                throw wrong(key, "a whole number");
            }
        }

        List<String> list(String key) throws ForkRequestException {
            int count = number(key + ".count", Integer::parseInt);
            List<String> list = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                list.add(text(key + "." + i));
            }
            return list;
        }

        DeviceChoice device(String key) throws ForkRequestException {
            try {
                return DeviceChoice.parse(text(key));
            } catch (IllegalArgumentException e) {
                throw wrong(key, "auto, cpu, gpu or gpu:N");
            }
        }

        int deviceCount(String key) throws ForkRequestException {
            try {
                return DeviceChoice.parseDevices(text(key));
            } catch (IllegalArgumentException e) {
                throw wrong(key, "all or a count of at least 1");
            }
        }

        ThreadSettings threads() throws ForkRequestException {
            try {
                return new ThreadSettings(number("threads", Integer::parseInt), flag("threads.adaptive"));
            } catch (IllegalArgumentException e) {
                throw wrong("threads", "at least 1, and at least 2 where they adapt");
            }
        }

        /** The resolved module artifacts: coordinates in {@code artifact.N}, their files in {@code artifact.file.N}. */
        ModuleArtifacts artifacts() throws ForkRequestException {
            List<String> coordinates = list("artifact");
            List<String> files = list("artifact.file");
            if (files.size() != coordinates.size()) {
                throw wrong("artifact.file.count", "as many files as artifacts (" + coordinates.size() + ")");
            }
            Map<String, Path> resolved = new LinkedHashMap<>();
            for (int i = 0; i < coordinates.size(); i++) {
                try {
                    ModuleArtifact.parse(coordinates.get(i));
                } catch (IllegalArgumentException e) {
                    throw wrong("artifact." + i, "Maven coordinates " + ModuleArtifact.FORM);
                }
                resolved.put(coordinates.get(i), path("artifact.file." + i));
            }
            return ModuleArtifacts.of(resolved);
        }

        OptionalLong parentPid() throws ForkRequestException {
            return optional("parentPid").isPresent()
                    ? OptionalLong.of(number("parentPid", Long::parseLong))
                    : OptionalLong.empty();
        }

        ForkRequestException wrong(String key, String expected) {
            return corrupt(file, "key '" + key + "' is '" + values.get(key) + "', but must be " + expected);
        }
    }
}
